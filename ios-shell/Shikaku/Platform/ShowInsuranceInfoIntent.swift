import AppIntents
import Foundation
import ShikakuModel

/// "Show my insurance info": opens the clinic view for the member themselves (Siri,
/// Shortcuts, Spotlight, the Action button). When the app is locked, the card waits
/// behind the unlock prompt (AppModel.visibleClinic).
struct ShowInsuranceInfoIntent: AppIntent {
    static let title: LocalizedStringResource = "show-insurance-info.title"
    static let openAppWhenRun = true

    @MainActor
    func perform() async throws -> some IntentResult {
        AppModel.shared.openIfNeeded()
        AppModel.shared.showClinicForSelf()
        return .result()
    }
}

/// Offers the intent to Siri and Shortcuts without setup. iOS keys an App Shortcut phrase
/// by its text in the source; Resources/*.lproj/AppShortcuts.strings words it per language.
struct ShikakuShortcuts: AppShortcutsProvider {
    static var appShortcuts: [AppShortcut] {
        AppShortcut(
            intent: ShowInsuranceInfoIntent(),
            phrases: ["Show my insurance info in \(.applicationName)"],
            shortTitle: "show-insurance-info.title",
            systemImageName: "person.text.rectangle"
        )
    }
}
