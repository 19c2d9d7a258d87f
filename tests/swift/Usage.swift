// A tiny use of the generated Swift bindings: open a Companion with a Swift SecretStore,
// add a member, read the dashboard, move the member by its code (with its one-time code
// when it carries insurance numbers). scripts/check-swift.sh compiles and runs it where a
// Swift toolchain exists; elsewhere CI parses it with tree-sitter.
import Foundation

final class MemorySecretStore: SecretStore, @unchecked Sendable {
    private var secrets: [String: Data] = [:]
    private let lock = NSLock()

    func getSecret(name: String) throws -> Data? {
        lock.lock(); defer { lock.unlock() }
        return secrets[name]
    }

    func setSecret(name: String, secret: Data) throws {
        lock.lock(); defer { lock.unlock() }
        secrets[name] = secret
    }

    func deleteSecret(name: String) throws {
        lock.lock(); defer { lock.unlock() }
        secrets.removeValue(forKey: name)
    }
}

@main
struct Usage {
    static func main() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(UUID().uuidString)
        let companion = try ShikakuCompanion.open(
            dataDir: directory.path, secretStore: MemorySecretStore(), locale: .ja)
        let draft = MemberDraft(
            displayName: "山田 さくら", relationship: .child,
            facts: Facts(birthDate: "2015-05-05", cardIssuedOn: "2023-01-10"),
            holdings: Holdings(
                hasCard: true, cardCondition: .inHand, registeredForInsurance: true,
                hasSmartphone: true, smartphoneInsuranceCard: false, carriesNotice: false,
                needsHelper: false, hasMyNumber: true))
        let member = try companion.addMember(draft: draft)
        let board = try companion.dashboard()
        precondition(board.first?.memberId == member.id)
        let share = try companion.shareMember(memberId: member.id, includeInsuranceNumbers: false)
        let info = try companion.inspectMemberCode(code: share.code)
        precondition(share.oneTimeCode == nil && !info.needsOneTimeCode && info.expiresAt == share.expiresAt)
        let received = try companion.receiveMember(code: share.code, oneTimeCode: nil)
        precondition(received.displayName == member.displayName)
        print(companion.memberCodeValidUntil(expiresAt: info.expiresAt))
        print("ok: \(member.displayName), \(board.count) member(s), core \(coreVersion())")
    }
}
