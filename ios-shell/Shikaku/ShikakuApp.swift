import ShikakuCore
import SwiftUI
import UIKit

/// The app: one model over the Companion, the lock in front, the clinic view one tap away.
@main
struct ShikakuApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @StateObject private var model = AppModel.shared
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(model)
                .onOpenURL { url in model.receivePDF(at: url) }
                .onChange(of: scenePhase) { _, phase in
                    if phase == .background {
                        model.lock()
                        model.scheduleBackgroundRefresh()
                    }
                    if phase == .active {
                        model.unlockIfNeeded()
                        model.publishQuickAction()
                    }
                }
        }
    }
}

/// Quick actions arrive through the app delegate.
final class AppDelegate: NSObject, UIApplicationDelegate {
    func application(
        _ application: UIApplication,
        didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        BackgroundRefresh.register()
        return true
    }

    func application(
        _ application: UIApplication,
        configurationForConnecting connectingSceneSession: UISceneSession,
        options: UIScene.ConnectionOptions
    ) -> UISceneConfiguration {
        if let item = options.shortcutItem {
            AppModel.shared.handle(shortcut: item)
        }
        let configuration = UISceneConfiguration(name: nil, sessionRole: connectingSceneSession.role)
        configuration.delegateClass = SceneDelegate.self
        return configuration
    }
}

/// A quick action while the app is already running.
final class SceneDelegate: NSObject, UIWindowSceneDelegate {
    func windowScene(
        _ windowScene: UIWindowScene,
        performActionFor shortcutItem: UIApplicationShortcutItem,
        completionHandler: @escaping (Bool) -> Void
    ) {
        AppModel.shared.handle(shortcut: shortcutItem)
        completionHandler(true)
    }
}

/// The lock, then the tabs; the clinic view covers everything when asked for.
struct RootView: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        Group {
            if model.locked {
                LockView()
            } else if let pdf = model.sharedPDF {
                ImportChooserView(pdf: pdf)
            } else {
                MainTabs()
            }
        }
        .fullScreenCover(item: $model.clinicMember) { (member: ClinicRoute) in
            ClinicView(memberId: member.id)
        }
        .environment(\.locale, model.swiftLocale)
        .environment(\.calendar, model.displayCalendar)
    }
}

/// The four tabs.
struct MainTabs: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        let texts: ShellTexts = model.texts
        TabView {
            NavigationStack { HouseholdView() }
                .tabItem { Label(texts.tabHousehold, systemImage: "person.2") }
            NavigationStack { DeadlinesView() }
                .tabItem { Label(texts.tabDeadlines, systemImage: "calendar") }
            NavigationStack { GuidanceView() }
                .tabItem { Label(texts.tabGuidance, systemImage: "questionmark.circle") }
            NavigationStack { SettingsView() }
                .tabItem { Label(texts.tabSettings, systemImage: "gearshape") }
        }
    }
}

/// Shown while the app is locked.
struct LockView: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        let texts: ShellTexts = model.texts
        VStack(spacing: 16) {
            Image(systemName: "lock.fill").font(.largeTitle).accessibilityHidden(true)
            Text(texts.unlockSubtitle).multilineTextAlignment(.center)
            Button(texts.unlockTitle) { model.unlockIfNeeded() }
                .buttonStyle(.borderedProminent)
        }
        .padding()
    }
}
