import ShikakuCore
import ShikakuModel
import SwiftUI
import UIKit
import UserNotifications

/// The app: one model over the Companion, the lock in front, the clinic view one tap away.
@main
struct ShikakuApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @State private var model = AppModel.shared
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(model)
                .onOpenURL { url in model.receivePDF(at: url) }
                .onChange(of: scenePhase) { _, phase in
                    switch phase {
                    case .active:
                        // The store opens (or is retried), the lock is checked, the
                        // notifications follow the plan again.
                        Task { await model.becameActive() }
                    case .background:
                        model.enteredBackground()
                    default:
                        break
                    }
                }
        }
    }
}

/// Launch: the background refresh, the notification delegate, a quick action.
final class AppDelegate: NSObject, UIApplicationDelegate {
    func application(
        _ application: UIApplication,
        didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        BackgroundRefresh.register()
        UNUserNotificationCenter.current().delegate = NotificationTaps.shared
        return true
    }

    func application(
        _ application: UIApplication,
        configurationForConnecting connectingSceneSession: UISceneSession,
        options: UIScene.ConnectionOptions
    ) -> UISceneConfiguration {
        if let item = options.shortcutItem {
            handle(shortcut: item)
        }
        let configuration = UISceneConfiguration(name: nil, sessionRole: connectingSceneSession.role)
        configuration.delegateClass = SceneDelegate.self
        return configuration
    }
}

/// The quick action to the clinic card (cold start or while running).
@MainActor
func handle(shortcut: UIApplicationShortcutItem) {
    guard shortcut.type == QuickActions.clinicType else { return }
    AppModel.shared.openIfNeeded()
    AppModel.shared.showClinicForSelf()
}

/// A quick action while the app is already running.
final class SceneDelegate: NSObject, UIWindowSceneDelegate {
    func windowScene(
        _ windowScene: UIWindowScene,
        performActionFor shortcutItem: UIApplicationShortcutItem,
        completionHandler: @escaping (Bool) -> Void
    ) {
        handle(shortcut: shortcutItem)
        completionHandler(true)
    }
}

/// The lock, then the tabs; the clinic view covers everything when asked for, and never
/// while the app is locked. Outside the foreground the screen is covered, so the app
/// switcher's snapshot shows no record.
struct RootView: View {
    @Environment(AppModel.self) private var model
    @Environment(\.scenePhase) private var scenePhase

    var body: some View {
        Group {
            if let error = model.openError, model.companion == nil {
                OpenFailedView(message: error)
            } else if model.locked {
                LockView()
            } else if let pdf = model.sharedPDF {
                ImportChooserView(pdf: pdf)
            } else {
                MainTabs()
            }
        }
        .fullScreenCover(item: clinic) { (member: ClinicRoute) in
            ClinicView(memberId: member.id)
        }
        .overlay {
            if scenePhase != .active {
                Color(uiColor: .systemBackground).ignoresSafeArea()
            }
        }
        .environment(\.locale, model.swiftLocale)
        .environment(\.calendar, model.displayCalendar)
    }

    private var clinic: Binding<ClinicRoute?> {
        Binding(get: { model.visibleClinic }, set: { model.clinicMember = $0 })
    }
}

/// The four tabs.
struct MainTabs: View {
    @Environment(AppModel.self) private var model

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
    @Environment(AppModel.self) private var model

    var body: some View {
        let texts: ShellTexts = model.texts
        VStack(spacing: 16) {
            Image(systemName: "lock.fill").font(.largeTitle).accessibilityHidden(true)
            Text(texts.unlockTitle).font(.title2)
            Text(texts.unlockSubtitle).multilineTextAlignment(.center)
            Button(texts.unlock) { Task { await model.unlock() } }
                .buttonStyle(.borderedProminent)
        }
        .padding()
    }
}

/// The store did not open: the core's sentence, and a retry.
struct OpenFailedView: View {
    let message: String
    @Environment(AppModel.self) private var model

    var body: some View {
        let texts: ShellTexts = model.texts
        VStack(spacing: 16) {
            Text(message).multilineTextAlignment(.center)
            Button(texts.retry) { model.openIfNeeded() }
                .buttonStyle(.borderedProminent)
        }
        .padding()
    }
}
