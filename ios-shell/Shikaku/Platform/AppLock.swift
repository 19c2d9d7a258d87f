import Foundation
import LocalAuthentication

/// The app lock: Face ID or Touch ID, falling back to the device passcode
/// (`.deviceOwnerAuthentication`). A device without a passcode cannot be locked, and the
/// app stays open rather than keep the member from their record at the counter.
enum AppLock {
    static func unlock(reason: String, completion: @escaping @Sendable (Bool) -> Void) {
        let context = LAContext()
        var error: NSError?
        guard context.canEvaluatePolicy(.deviceOwnerAuthentication, error: &error) else {
            completion(true)
            return
        }
        context.evaluatePolicy(.deviceOwnerAuthentication, localizedReason: reason) { success, _ in
            completion(success)
        }
    }
}
