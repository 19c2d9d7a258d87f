import ShikakuCore
import ShikakuModel
import SwiftUI

/// The preparation flowchart, one question at a time, and the guides for situations.
struct GuidanceView: View {
    @Environment(AppModel.self) private var model
    @State private var answers: [Bool] = []

    var body: some View {
        let texts: ShellTexts = model.texts
        let step: FlowStep? = model.read(nil) { try $0.walkPreparation(answers: answers) }
        let guides: [SituationGuide] = model.read([SituationGuide]()) { try $0.situationGuides(memberId: nil) }
        List {
            if let step {
                Section {
                    if let question = step.question {
                        Text(texts.guidanceQuestion).font(.caption)
                        Text(question).font(.title3)
                    }
                    ForEach(step.steps, id: \.self) { (line: String) in
                        Text("• \(line)")
                    }
                    HStack {
                        if !step.finished {
                            Button(texts.answerYes) { answers.append(true) }.buttonStyle(.borderedProminent)
                            Button(texts.answerNo) { answers.append(false) }.buttonStyle(.bordered)
                        }
                        Spacer()
                        Button(texts.startOver) { answers = [] }.buttonStyle(.borderless)
                    }
                }
            }
            Section(texts.situations) {
                ForEach(guides, id: \.situation) { (guide: SituationGuide) in
                    DisclosureGroup(guide.title) {
                        ForEach(Array(guide.steps.enumerated()), id: \.offset) { (index: Int, line: String) in
                            Text("\(index + 1). \(line)")
                        }
                        ForEach(guide.dates, id: \.label) { (date: GuideDate) in
                            Text("\(date.label): \(date.written)").font(.subheadline)
                        }
                    }
                }
            }
        }
        .navigationTitle(texts.tabGuidance)
    }
}
