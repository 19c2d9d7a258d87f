import Foundation
import ShikakuCore
import ShikakuModel
import XCTest

/// The app's model over the real core (the host library, through the generated bindings)
/// with fakes for the platform: opening, the household and its form, a shared PDF, the
/// clinic card and the lock, and the notifications reconciled with the core's plan.
@MainActor
final class AppModelTests: XCTestCase {
    static func isoDay(_ date: Date) -> String {
        let parts = AppModel.japanCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    func testTheStoreOpensOnlyWhenActiveAndARetryAfterAFailureOpensIt() async throws {
        let harness = try Harness()
        XCTAssertNil(harness.model.companion, "nothing is opened before the app is active")

        harness.store = BrokenSecretStore()
        await harness.model.becameActive()
        XCTAssertNil(harness.model.companion)
        XCTAssertEqual(
            harness.model.openError,
            describeErrorFor(locale: .ja, error: .SecretStore(reason: "any"))
        )

        harness.store = MapSecretStore()
        await harness.model.becameActive()
        XCTAssertNotNil(harness.model.companion)
        XCTAssertNil(harness.model.openError)
    }

    func testTheMemberFormAddsAMemberTheHouseholdShows() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        let revision = harness.model.revision
        // The form's flow: a new draft from the core, dates read by the core (era or ISO).
        let born = harness.model.read("") { try $0.parseDateInput(text: "昭和60年4月12日") }
        XCTAssertEqual(born, "1985-04-12")
        let draft = newMemberDraft(birthDate: born)
        harness.model.act { companion in
            _ = try companion.addMember(draft: MemberDraft(
                displayName: "佐藤 花子",
                relationship: draft.relationship,
                facts: draft.facts,
                eligibilityCertificateExpiresOn: nil,
                holdings: draft.holdings,
                insuranceFields: nil
            ))
        }
        XCTAssertEqual(harness.model.revision, revision + 1)
        let rows = harness.model.read([MemberRow]()) { try $0.householdView() }
        XCTAssertEqual(rows.map(\.displayName), ["佐藤 花子"])

        // A date the core cannot read is its sentence, not a crash.
        _ = harness.model.read("") { try $0.parseDateInput(text: "いつか") }
        for _ in 0..<10 where harness.model.message == nil {
            await Task.yield()
        }
        XCTAssertNotNil(harness.model.message)
    }

    /// R4 through the core's member form, as the app's generic renderer sends it: moved to
    /// another municipality and brought the card to the 転入届: valid 90 days later.
    func testAMemberEnteredThroughTheCoresFormWithTheCardAtTheMoveInNoticeIsValid() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        let day = { (days: Int) in AppModelTests.isoDay(harness.now.addingTimeInterval(TimeInterval(days) * 24 * 60 * 60)) }
        var values: [String: String] = [
            "display_name": "佐藤 花子",
            "birth_date": "昭和60年4月12日",
            "card_issued_on": day(-700),
            "moved_on": day(-110),
            "move_in_filed_on": day(-100),
        ]
        let form = try XCTUnwrap(harness.model.read(nil) { try $0.memberForm(memberId: nil, values: values) })
        let question = try XCTUnwrap(form.sections.flatMap(\.fields).first { $0.id == "continued_use_at_move_in" })
        XCTAssertTrue(question.shown, "asked once the 転入届 is filed")
        values["moved_within_municipality"] = "no"
        values["continued_use_at_move_in"] = "yes"
        guard case let .saved(member) = harness.model.submit({ try $0.submitMemberForm(memberId: nil, values: values) }) else {
            return XCTFail("not saved")
        }
        let status = try XCTUnwrapCompanion(harness.model).memberStatus(memberId: member.id)
        XCTAssertEqual(status.evaluation.results.cardState, .valid)

        // A value the core cannot read comes back beside its field.
        let refused = harness.model.submit { try $0.submitMemberForm(memberId: member.id, values: ["card_issued_on": "令和7年2月30日"]) }
        guard case let .invalid(form: refusedForm, errors: errors) = refused else {
            return XCTFail("saved an impossible date")
        }
        XCTAssertEqual(errors.map(\.field), [.cardIssuedOn])
        XCTAssertEqual(refusedForm.sections.flatMap(\.fields).first { $0.id == "card_issued_on" }?.error, errors.first?.message)
    }

    func testAMemberMovesToAnotherDeviceByItsCodeAndAPictureWithoutACodeIsSaid() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        let member = try harness.addMember("佐藤 花子")
        let made = await harness.model.shareMember(memberId: member.id, includeInsuranceNumbers: false)
        let share: MemberShare = try XCTUnwrap(made)
        XCTAssertNil(share.oneTimeCode, "no insurance numbers, no one-time code")

        let notACode = try XCTUnwrap(harness.model.checkMemberCode("not a code"))
        XCTAssertTrue(notACode.refused)
        XCTAssertEqual(notACode.text, describeErrorFor(locale: .ja, error: .InvalidInput(field: .transferCode, reason: .notATransferCode)))
        // A code of the first format had no expiry: it counts as expired.
        let expired = try XCTUnwrap(harness.model.checkMemberCode("SHIKAKU-MEMBER:1:P:e30:00000000"))
        XCTAssertEqual(expired.text, describeErrorFor(locale: .ja, error: .InvalidInput(field: .transferCode, reason: .transferCodeExpired)))

        let check = try XCTUnwrap(harness.model.checkMemberCode(share.code))
        XCTAssertFalse(check.refused)
        XCTAssertFalse(check.needsOneTimeCode)
        let validUntil = try XCTUnwrapCompanion(harness.model).memberCodeValidUntil(expiresAt: share.expiresAt)
        XCTAssertEqual(check.text, validUntil)
        let failure = await harness.model.receiveMember(code: share.code, oneTimeCode: nil)
        XCTAssertNil(failure)
        XCTAssertEqual(harness.model.message, harness.model.texts.received)
        let names = harness.model.read([Member]()) { try $0.members() }.map(\.displayName)
        XCTAssertEqual(names, ["佐藤 花子", "佐藤 花子"])
        XCTAssertNil(harness.model.readQrCode(width: 4, height: 4, luma: Data(repeating: 255, count: 16)))
    }

    func testAMemberCodeWithInsuranceNumbersNeedsItsOneTimeCode() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        let numbers = DocumentFields(insurerNumber: "06139992", symbol: "4123", number: "5678")
        let member = try harness.addMember("佐藤 花子", insurance: numbers)
        let made = await harness.model.shareMember(memberId: member.id, includeInsuranceNumbers: true)
        let share: MemberShare = try XCTUnwrap(made)
        let oneTimeCode = try XCTUnwrap(share.oneTimeCode)
        harness.model.act { try $0.removeMember(memberId: member.id) }

        XCTAssertEqual(harness.model.checkMemberCode(share.code)?.needsOneTimeCode, true)
        let wrong = await harness.model.receiveMember(code: share.code, oneTimeCode: "0000000000")
        XCTAssertEqual(wrong, describeErrorFor(locale: .ja, error: .InvalidInput(field: .oneTimeCode, reason: .oneTimeCodeWrong)))
        XCTAssertEqual(harness.model.read([Member]()) { try $0.members() }, [])

        let added = await harness.model.receiveMember(code: share.code, oneTimeCode: oneTimeCode)
        XCTAssertNil(added)
        XCTAssertEqual(harness.model.read([Member]()) { try $0.members() }.map(\.insuranceFields), [numbers])
    }

    func testAPdfOpenedInTheAppIsImportedForTheOnlyMemberAndItsInboxCopyDeleted() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        let member = try harness.addMember("佐藤 花子")
        let copy = try harness.inboxCopyOfTheKenpoPDF()

        harness.model.receivePDF(at: copy)

        XCTAssertEqual(harness.model.message, harness.model.texts.imported)
        XCTAssertNil(harness.model.sharedPDF)
        let display = try XCTUnwrapCompanion(harness.model).counterDisplay(memberId: member.id)
        XCTAssertTrue(display.card.recordAvailableOffline)
        XCTAssertEqual(display.pdf?.prefix(5), Data("%PDF-".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path), "the Inbox copy is deleted")
    }

    func testAPdfSharedToALargerHouseholdWaitsForItsMember() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        try harness.addMember("佐藤 花子")
        let child = try harness.addMember("佐藤 陽太", relationship: .child)

        harness.model.receivePDF(at: try harness.inboxCopyOfTheKenpoPDF())
        let held = try XCTUnwrap(harness.model.sharedPDF)

        harness.model.importPDF(held, for: child.id)
        XCTAssertNil(harness.model.sharedPDF)
        XCTAssertTrue(try XCTUnwrapCompanion(harness.model).clinicCard(memberId: child.id).recordAvailableOffline)
    }

    func testTheClinicCardNeverCoversALockedApp() async throws {
        let harness = try Harness()
        // A launch with the lock turned on earlier.
        harness.defaults.set(true, forKey: "appLock")
        harness.unlocker.answer = false
        await harness.model.becameActive()
        try harness.addMember("佐藤 花子")
        XCTAssertTrue(harness.model.locked)

        // The quick action or the App Intent while locked: remembered, not shown.
        harness.model.showClinicForSelf()
        XCTAssertNotNil(harness.model.clinicMember)
        XCTAssertNil(harness.model.visibleClinic)

        harness.unlocker.answer = true
        await harness.model.unlock()
        XCTAssertEqual(harness.model.visibleClinic, harness.model.clinicMember)

        // Away longer than the core's timeout: locked again, the card hidden again.
        harness.model.enteredBackground()
        harness.now = harness.now.addingTimeInterval(TimeInterval(appLockTimeoutSeconds()) + 1)
        harness.unlocker.answer = false
        await harness.model.becameActive()
        XCTAssertTrue(harness.model.locked)
        XCTAssertNil(harness.model.visibleClinic)
    }

    func testAShortTripAwayKeepsTheAppOpen() async throws {
        let harness = try Harness()
        harness.model.appLock = true
        await harness.model.becameActive()
        XCTAssertFalse(harness.model.locked, "turned on in this session: already unlocked")
        harness.model.enteredBackground()
        harness.now = harness.now.addingTimeInterval(30)
        await harness.model.becameActive()
        XCTAssertFalse(harness.model.locked)
        XCTAssertEqual(harness.unlocker.prompts, 0)
    }

    func testNotificationsFollowThePlanByIdInJapanTime() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        try harness.addMember("佐藤 花子")
        let child = try harness.addMember("佐藤 陽太", relationship: .child, certDays: 70)
        try await harness.notifications.schedule(PlannedNotification(
            id: "left-over", title: "", body: "", fireDate: DateComponents(), clinicMemberId: nil, timeSensitive: false
        ))

        await harness.model.reconcileNotifications()
        let plan = try XCTUnwrapCompanion(harness.model).reminderPlan(limit: AppModel.pendingNotificationLimit)
        XCTAssertFalse(plan.reminders.isEmpty)
        XCTAssertEqual(Set(harness.notifications.pending.keys), Set(plan.reminders.map(\.id)))
        XCTAssertEqual(harness.notifications.removed, ["left-over"])
        for reminder in plan.reminders {
            let fire = try XCTUnwrap(harness.notifications.pending[reminder.id]?.fireDate)
            XCTAssertEqual(fire.calendar?.identifier, .gregorian)
            XCTAssertEqual(fire.timeZone?.identifier, "Asia/Tokyo")
            XCTAssertEqual(AppModel.japanCalendar.date(from: fire), reminder.fireAt.roundedDownToMinute)
        }
        XCTAssertEqual(harness.model.nextReplan, plan.replanAt)

        try XCTUnwrapCompanion(harness.model).removeMember(memberId: child.id)
        await harness.model.reconcileNotifications()
        let after = try XCTUnwrapCompanion(harness.model).reminderPlan(limit: AppModel.pendingNotificationLimit)
        XCTAssertEqual(Set(harness.notifications.pending.keys), Set(after.reminders.map(\.id)))
        XCTAssertTrue(after.reminders.allSatisfy { $0.memberId != child.id })
    }

    func testATappedClinicReminderOpensItsMembersCard() async throws {
        let harness = try Harness()
        await harness.model.becameActive()
        let member = try harness.addMember("佐藤 花子")
        harness.model.openNotification(clinicMemberId: member.id)
        XCTAssertEqual(harness.model.visibleClinic, ClinicRoute(id: member.id))
    }

    func testNothingIsScheduledWithoutPermission() async throws {
        let harness = try Harness()
        harness.notifications.authorized = false
        await harness.model.becameActive()
        try harness.addMember("佐藤 花子")
        await harness.model.reconcileNotifications()
        XCTAssertTrue(harness.notifications.pending.isEmpty)
    }
}

extension Date {
    /// Notifications fire on the minute.
    var roundedDownToMinute: Date {
        Date(timeIntervalSinceReferenceDate: (timeIntervalSinceReferenceDate / 60).rounded(.down) * 60)
    }
}
