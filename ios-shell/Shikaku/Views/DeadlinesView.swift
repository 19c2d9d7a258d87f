import ShikakuCore
import ShikakuModel
import SwiftUI

/// The household's steps as a timeline, the per-kind reminder toggles, and the calendar
/// export through the share sheet (any calendar app, Google's included).
struct DeadlinesView: View {
    @Environment(AppModel.self) private var model

    var body: some View {
        let texts: ShellTexts = model.texts
        let timeline: [TimelineEntry] = model.read([TimelineEntry]()) { try $0.deadlineTimeline() }
        let settings: ReminderSettings? = model.read(nil) { try $0.reminderSettings() }
        let ics: String? = model.read(nil) { try $0.exportIcs(options: IcsOptions(memberId: nil, includeNames: false)) }
        List {
            Section {
                if timeline.isEmpty {
                    Text(texts.deadlinesEmpty)
                }
                ForEach(Array(timeline.enumerated()), id: \.offset) { (_: Int, entry: TimelineEntry) in
                    DeadlineLineView(heading: entry.displayName, line: entry.line, texts: texts, urgent: entry.line.daysLeft < 0)
                }
                if let ics {
                    ShareLink(item: CalendarFile(text: ics), preview: SharePreview(texts.exportCalendar)) {
                        Text(texts.exportCalendar)
                    }
                }
            }
            if let settings {
                Section(texts.deadlinesKinds) {
                    ForEach(settings.leadTimes, id: \.kind) { (lead: LeadTimes) in
                        Toggle(model.read("") { $0.deadlineKindLabel(kind: lead.kind) }, isOn: toggle(lead, in: settings))
                    }
                }
            }
        }
        .navigationTitle(texts.tabDeadlines)
        .id(model.revision)
    }

    private func toggle(_ lead: LeadTimes, in settings: ReminderSettings) -> Binding<Bool> {
        Binding(
            get: { lead.enabled },
            set: { (enabled: Bool) in
                let leadTimes = settings.leadTimes.map { (each: LeadTimes) in
                    each.kind == lead.kind ? LeadTimes(kind: each.kind, days: each.days, enabled: enabled) : each
                }
                model.act { companion in
                    try companion.setReminderSettings(settings: ReminderSettings(
                        timeOfDay: settings.timeOfDay,
                        quietHours: settings.quietHours,
                        leadTimes: leadTimes
                    ))
                }
            }
        )
    }
}

/// The .ics text as a file for the share sheet.
struct CalendarFile: Transferable {
    let text: String

    static var transferRepresentation: some TransferRepresentation {
        DataRepresentation(exportedContentType: .calendarEvent) { (file: CalendarFile) in Data(file.text.utf8) }
            .suggestedFileName("shikaku.ics")
    }
}
