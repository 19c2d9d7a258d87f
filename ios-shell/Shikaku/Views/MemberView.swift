import ShikakuCore
import ShikakuModel
import SwiftUI
import UniformTypeIdentifiers

/// The dates a member enters, with their labels, by key.
private enum DateField: String, CaseIterable, Identifiable {
    case cardIssuedOn, cardExpiresOn, certExpiresOn, movedOn, moveInFiledOn, overseasDepartureOn, insurerRegisteredOn
    var id: String { rawValue }

    func label(_ texts: ShellTexts) -> String {
        switch self {
        case .cardIssuedOn: return texts.memberCardIssuedOn
        case .cardExpiresOn: return texts.memberCardExpiresOn
        case .certExpiresOn: return texts.memberCertExpiresOn
        case .movedOn: return texts.memberMovedOn
        case .moveInFiledOn: return texts.memberMoveInFiledOn
        case .overseasDepartureOn: return texts.memberOverseasDepartureOn
        case .insurerRegisteredOn: return texts.memberInsurerRegisteredOn
        }
    }

    func read(_ facts: Facts) -> NaiveDate? {
        switch self {
        case .cardIssuedOn: return facts.cardIssuedOn
        case .cardExpiresOn: return facts.cardExpiresOn
        case .certExpiresOn: return facts.certExpiresOn
        case .movedOn: return facts.movedOn
        case .moveInFiledOn: return facts.moveInFiledOn
        case .overseasDepartureOn: return facts.overseasDepartureOn
        case .insurerRegisteredOn: return facts.insurerRegisteredOn
        }
    }
}

/// A member's details: name, relationship, birth date and the dates of R1–R7 (typed as
/// 2025-06-16 or 令和7年6月16日 and read by the core, or picked in the locale's calendar),
/// what they hold, and the PDF import through the system's file importer.
struct MemberView: View {
    let memberId: String?
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var loaded = false
    @State private var name = ""
    @State private var relationship: Relationship = .myself
    @State private var birthDate: NaiveDate = ""
    @State private var dates: [String: NaiveDate] = [:]
    @State private var base: Member?
    @State private var keptHoldings: Holdings?
    @State private var hasCard = false
    @State private var registered = false
    @State private var hasSmartphone = false
    @State private var carriesNotice = false
    @State private var importing = false

    var body: some View {
        let texts: ShellTexts = model.texts
        let choices: [RelationshipChoice] = model.read([RelationshipChoice]()) { $0.relationshipChoices() }
        Form {
            TextField(texts.memberDisplayName, text: $name)
            Picker(texts.memberRelationship, selection: $relationship) {
                ForEach(choices, id: \.relationship) { (choice: RelationshipChoice) in
                    Text(choice.label).tag(choice.relationship)
                }
            }
            DateEntry(label: texts.memberBirthDate, value: optionalBinding($birthDate))
            ForEach(DateField.allCases) { (field: DateField) in
                DateEntry(label: field.label(texts), value: $dates[field.rawValue])
            }
            Toggle(texts.memberHasCard, isOn: $hasCard)
            Toggle(texts.memberRegisteredForInsurance, isOn: $registered)
            Toggle(texts.memberHasSmartphone, isOn: $hasSmartphone)
            Toggle(texts.memberCarriesNotice, isOn: $carriesNotice)
            if let memberId {
                Button(texts.importPdf) { importing = true }
                    .fileImporter(isPresented: $importing, allowedContentTypes: [.pdf]) { result in
                        if case let .success(url) = result {
                            let scoped = url.startAccessingSecurityScopedResource()
                            defer {
                                if scoped { url.stopAccessingSecurityScopedResource() }
                            }
                            if let data = try? Data(contentsOf: url) {
                                model.importPDF(data, for: memberId)
                            }
                        }
                    }
            }
        }
        .navigationTitle(texts.memberTitle)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) { Button(texts.cancel) { dismiss() } }
            ToolbarItem(placement: .confirmationAction) {
                Button(texts.save) { save() }.disabled(birthDate.isEmpty)
            }
        }
        .onAppear(perform: load)
    }

    private func optionalBinding(_ binding: Binding<NaiveDate>) -> Binding<NaiveDate?> {
        Binding(get: { binding.wrappedValue.isEmpty ? nil : binding.wrappedValue }, set: { binding.wrappedValue = $0 ?? "" })
    }

    private func load() {
        guard !loaded else { return }
        loaded = true
        guard let memberId, let member = model.read(nil, { try $0.member(memberId: memberId) }) else {
            // A new member starts holding what the core says most members hold.
            show(holdings: newMemberDraft(birthDate: DayFormat.string(from: Date())).holdings)
            return
        }
        base = member
        name = member.displayName
        relationship = member.relationship
        birthDate = member.facts.birthDate
        for field in DateField.allCases {
            dates[field.rawValue] = field.read(member.facts)
        }
        show(holdings: member.holdings)
    }

    private func show(holdings: Holdings) {
        keptHoldings = holdings
        hasCard = holdings.hasCard
        registered = holdings.registeredForInsurance
        hasSmartphone = holdings.hasSmartphone
        carriesNotice = holdings.carriesNotice
    }

    private func save() {
        let old = base?.facts
        let facts = Facts(
            birthDate: birthDate,
            cardIssuedOn: dates[DateField.cardIssuedOn.rawValue],
            cardAppliedOn: old?.cardAppliedOn,
            cardExpiresOn: dates[DateField.cardExpiresOn.rawValue],
            residenceLimitOn: old?.residenceLimitOn,
            certIssuedOn: old?.certIssuedOn,
            certExpiresOn: dates[DateField.certExpiresOn.rawValue],
            movedOutPlannedOn: old?.movedOutPlannedOn,
            movedOn: dates[DateField.movedOn.rawValue],
            moveInFiledOn: dates[DateField.moveInFiledOn.rawValue],
            continuedUseDoneOn: old?.continuedUseDoneOn,
            overseasDepartureOn: dates[DateField.overseasDepartureOn.rawValue],
            overseasContinuedUseAppliedOn: old?.overseasContinuedUseAppliedOn,
            insurerRegisteredOn: dates[DateField.insurerRegisteredOn.rawValue]
        )
        guard let kept = keptHoldings else { return }
        let holdings = Holdings(
            hasCard: hasCard,
            cardCondition: kept.cardCondition,
            registeredForInsurance: registered,
            hasSmartphone: hasSmartphone,
            smartphoneInsuranceCard: kept.smartphoneInsuranceCard,
            carriesNotice: carriesNotice,
            needsHelper: kept.needsHelper,
            hasMyNumber: kept.hasMyNumber
        )
        model.act { companion in
            if let base {
                try companion.updateMember(member: Member(
                    id: base.id,
                    displayName: name,
                    relationship: relationship,
                    facts: facts,
                    eligibilityCertificateExpiresOn: base.eligibilityCertificateExpiresOn,
                    holdings: holdings,
                    insuranceFields: base.insuranceFields
                ))
            } else {
                _ = try companion.addMember(draft: MemberDraft(
                    displayName: name,
                    relationship: relationship,
                    facts: facts,
                    eligibilityCertificateExpiresOn: nil,
                    holdings: holdings,
                    insuranceFields: nil
                ))
            }
            dismiss()
        }
    }
}

/// One date: typed (the core reads it) or picked from the calendar of the locale; shown
/// below as the core writes it (令和8年12月1日(火) or Tue 1 Dec 2026).
struct DateEntry: View {
    let label: String
    @Binding var value: NaiveDate?
    @Environment(AppModel.self) private var model
    @State private var typed = ""
    @State private var problem: String?
    @State private var picking = false

    var body: some View {
        let texts: ShellTexts = model.texts
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                TextField(label, text: $typed)
                    .onSubmit(readTyped)
                    .onChange(of: typed) { _, _ in readTyped() }
                Button(texts.pickDate) { picking = true }
                    .buttonStyle(.borderless)
            }
            Text(problem ?? value.map { (date: NaiveDate) in model.read(date) { $0.formatDate(date: date) } } ?? texts.dateInputHint)
                .font(.caption)
                .foregroundStyle(problem == nil ? Color.secondary : Color.red)
        }
        .onAppear { typed = value ?? "" }
        .sheet(isPresented: $picking) {
            NavigationStack {
                DatePicker(label, selection: pickedDate, displayedComponents: .date)
                    .datePickerStyle(.graphical)
                    .padding()
                    .toolbar {
                        ToolbarItem(placement: .confirmationAction) { Button(texts.save) { picking = false } }
                    }
            }
        }
    }

    private func readTyped() {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            problem = nil
            value = nil
            return
        }
        do {
            value = try model.companion?.parseDateInput(text: text)
            problem = nil
        } catch {
            problem = model.describe(error)
        }
    }

    /// The picker works on instants; this only moves a calendar day in and out of one.
    private var pickedDate: Binding<Date> {
        Binding(
            get: { value.flatMap(DayFormat.date(from:)) ?? Date() },
            set: { (date: Date) in
                value = DayFormat.string(from: date)
                typed = value ?? ""
            }
        )
    }
}

/// YYYY-MM-DD in the Gregorian calendar, for the picker only.
enum DayFormat {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Foundation.Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    static func date(from day: String) -> Date? { formatter.date(from: day) }
    static func string(from date: Date) -> String { formatter.string(from: date) }
}
