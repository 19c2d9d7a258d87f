import Foundation
import Security
import ShikakuCore

/// The core's secrets (its master key) in the Keychain, readable only while the device is
/// unlocked and never migrated to another device or into a backup.
final class KeychainSecretStore: SecretStore, @unchecked Sendable {
    private let service = "jp.shikaku.ios.store"

    private func query(_ name: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: name,
        ]
    }

    func getSecret(name: String) throws -> Data? {
        var request = query(name)
        request[kSecReturnData as String] = true
        request[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(request as CFDictionary, &item)
        switch status {
        case errSecSuccess: return item as? Data
        case errSecItemNotFound: return nil
        default: throw ShikakuError.SecretStore(reason: "Keychain read failed (\(status))")
        }
    }

    func setSecret(name: String, secret: Data) throws {
        SecItemDelete(query(name) as CFDictionary)
        var item = query(name)
        item[kSecValueData as String] = secret
        item[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
        let status = SecItemAdd(item as CFDictionary, nil)
        guard status == errSecSuccess else {
            throw ShikakuError.SecretStore(reason: "Keychain write failed (\(status))")
        }
    }

    func deleteSecret(name: String) throws {
        let status = SecItemDelete(query(name) as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw ShikakuError.SecretStore(reason: "Keychain delete failed (\(status))")
        }
    }
}
