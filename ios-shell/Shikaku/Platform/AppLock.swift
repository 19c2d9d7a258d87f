import Foundation
import LocalAuthentication
import ShikakuModel

/// The app lock: Face ID or Touch ID, falling back to the device passcode
/// (`.deviceOwnerAuthentication`). A device without a passcode cannot be locked, and the
/// app stays open rather than keep the member from their record at the counter.
final class DeviceOwnerUnlocker: Unlocking {
    func unlock(reason: String) async -> Bool {
        let context = LAContext()
        var error: NSError?
        guard context.canEvaluatePolicy(.deviceOwnerAuthentication, error: &error) else {
            return true
        }
        do {
            return try await context.evaluatePolicy(.deviceOwnerAuthentication, localizedReason: reason)
        } catch {
            // Cancelled, failed, or the system took the prompt away: stay locked.
            return false
        }
    }
}
