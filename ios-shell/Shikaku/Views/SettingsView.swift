import ShikakuCore
import ShikakuModel
import SwiftUI

/// Language (the system's by default), the app lock, and which guidance data is in force.
struct SettingsView: View {
    @Environment(AppModel.self) private var model

    var body: some View {
        let texts: ShellTexts = model.texts
        let content: ContentStatus? = model.read(nil) { try $0.contentStatus() }
        Form {
            Section(texts.language) {
                Picker(texts.language, selection: languageBinding) {
                    Text(texts.languageSystem).tag("")
                    Text(texts.languageJa).tag("ja")
                    Text(texts.languageEn).tag("en")
                }
                .pickerStyle(.inline)
                .labelsHidden()
            }
            Section {
                Toggle(texts.appLock, isOn: lockBinding)
                Text(texts.appLockHint).font(.footnote).foregroundStyle(.secondary)
            }
            if let content {
                Section(texts.contentStatus) {
                    Text("\(content.source == .embedded ? texts.contentEmbedded : texts.contentInstalled) · v\(content.version)")
                    if let note = content.note {
                        Text(note).foregroundStyle(.red)
                    }
                    Button(texts.contentRefresh) { Task { await model.refreshContent() } }
                }
            }
        }
        .navigationTitle(texts.tabSettings)
        .id(model.revision)
    }

    private var languageBinding: Binding<String> {
        Binding(
            get: { model.chosenLocale.map(AppModel.tag(of:)) ?? "" },
            set: { (tag: String) in model.chosenLocale = AppModel.locale(tag: tag) }
        )
    }

    private var lockBinding: Binding<Bool> {
        Binding(get: { model.appLock }, set: { (on: Bool) in model.appLock = on })
    }
}
