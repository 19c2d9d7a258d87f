import ShikakuCore
import ShikakuModel
import SwiftUI

/// The household: each member's state, next step and overdue steps; "show at the counter";
/// adding a member, or receiving one from another device.
struct HouseholdView: View {
    @Environment(AppModel.self) private var model
    @State private var editing: MemberSheet?
    @State private var receiving = false

    var body: some View {
        let texts: ShellTexts = model.texts
        let rows: [MemberRow] = model.read([MemberRow]()) { try $0.householdView() }
        List {
            if rows.isEmpty {
                Text(texts.householdEmpty)
            }
            ForEach(rows, id: \.memberId) { (row: MemberRow) in
                MemberRowView(row: row, texts: texts) {
                    model.clinicMember = ClinicRoute(id: row.memberId)
                } onOpen: {
                    editing = MemberSheet(memberId: row.memberId)
                }
            }
            Button(texts.addMember) { editing = MemberSheet(memberId: nil) }
            Button(texts.receiveMember) { receiving = true }
        }
        .navigationTitle(texts.appName)
        .sheet(item: $editing) { (form: MemberSheet) in
            NavigationStack { MemberView(memberId: form.memberId) }
        }
        .sheet(isPresented: $receiving) {
            NavigationStack { ReceiveView() }
        }
        .alert(model.message ?? "", isPresented: messageShown) {
            Button(texts.close) { model.message = nil }
        }
        .id(model.revision)
    }

    private var messageShown: Binding<Bool> {
        Binding(get: { model.message != nil }, set: { shown in if !shown { model.message = nil } })
    }
}

/// Which member the form edits (nil: a new one).
struct MemberSheet: Identifiable {
    let memberId: String?
    var id: String { memberId ?? "new" }
}

/// One member: name, state, next step, overdue steps, and the counter button.
struct MemberRowView: View {
    let row: MemberRow
    let texts: ShellTexts
    let onShowAtCounter: () -> Void
    let onOpen: () -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Button(action: onOpen) {
                HStack {
                    VStack(alignment: .leading) {
                        Text(row.displayName).font(.title2)
                        Text(row.relationshipLabel).font(.subheadline).foregroundStyle(.secondary)
                    }
                    Spacer()
                    Text(row.stateLabel)
                        .font(.callout.bold())
                        .foregroundStyle(StateColor.of(row.state))
                        .padding(.horizontal, 8)
                        .padding(.vertical, 4)
                        .overlay(Capsule().stroke(StateColor.of(row.state)))
                }
            }
            .buttonStyle(.plain)
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(row.accessibilityLabel)
            if let next = row.nextDeadline {
                DeadlineLineView(heading: texts.nextDeadline, line: next, texts: texts, urgent: false)
            } else {
                Text(texts.nothingDue).foregroundStyle(.secondary)
            }
            ForEach(row.overdue, id: \.kind) { (line: DeadlineLine) in
                DeadlineLineView(heading: texts.overdue, line: line, texts: texts, urgent: true)
            }
            Button(action: onShowAtCounter) {
                Text(texts.showAtCounter).font(.headline).frame(maxWidth: .infinity)
            }
            .buttonStyle(.borderedProminent)
            .accessibilityLabel(Text("\(texts.showAtCounter) \(row.displayName)"))
        }
        .padding(.vertical, 8)
    }
}

/// A deadline: its heading, what happens, the date and how far away it is.
struct DeadlineLineView: View {
    let heading: String
    let line: DeadlineLine
    let texts: ShellTexts
    let urgent: Bool

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(heading).font(.caption)
            Text(line.label).font(.body)
            Text(line.estimated ? "\(line.dateText) · \(line.whenText) (\(texts.estimated))" : "\(line.dateText) · \(line.whenText)")
                .font(.subheadline)
        }
        .foregroundStyle(urgent ? Color.red : Color.primary)
        .accessibilityElement(children: .combine)
    }
}

/// The colour a card state is drawn in; the state's name always stands beside it.
enum StateColor {
    static func of(_ state: CardState) -> Color {
        switch state {
        case .valid: return .green
        case .renewalWindow, .grace: return .orange
        case .expired, .invalidMoved, .invalidOverseas, .lost: return .red
        case .unknown: return .gray
        }
    }
}
