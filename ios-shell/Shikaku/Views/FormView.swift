import ShikakuCore
import ShikakuModel
import SwiftUI

/// The value of a yes/no field answered yes or no, as the core's forms read it.
private let yes = "yes"
private let no = "no"

/// Any form the core builds (the member form, the document form), rendered field by field
/// from its model: each section with the fields that apply now, as their kind of input
/// asks. Every word, value and error comes from the core; `onValue` sends a field's new
/// value back and the caller asks the core for the form again, so fields appear and errors
/// follow as the member types.
struct FormFieldsView: View {
    let form: FormModel
    let onValue: (String, String) -> Void

    var body: some View {
        if let intro = form.intro {
            Section { Text(intro) }
        }
        if let error = form.error {
            Section { Text(error).foregroundStyle(Color.red) }
        }
        ForEach(form.sections, id: \.id) { (section: FormSection) in
            let shown: [FormField] = section.fields.filter { (field: FormField) in field.shown }
            if !shown.isEmpty {
                Section(section.title) {
                    ForEach(shown, id: \.id) { (field: FormField) in
                        FieldInputView(field: field) { value in onValue(field.id, value) }
                    }
                }
            }
        }
    }
}

/// One field, as its kind of input asks, with its hint, the core's reading of a date, its
/// warning and its error below.
struct FieldInputView: View {
    let field: FormField
    let onValue: (String) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            switch field.input {
            case .date:
                DateFieldInput(field: field, onValue: onValue)
            case .yesNo:
                Toggle(field.label, isOn: Binding(get: { field.value == yes }, set: { onValue($0 ? yes : no) }))
            case let .choice(choices):
                Picker(field.label, selection: Binding(get: { field.value }, set: onValue)) {
                    ForEach(choices, id: \.value) { (choice: FormChoice) in
                        Text(choice.label).tag(choice.value)
                    }
                }
            case let .text(maxChars):
                TextField(field.label, text: Binding(
                    get: { field.value },
                    set: { (text: String) in
                        if text.count <= Int(maxChars) { onValue(text) }
                    }
                ))
            }
            if let note = field.error ?? field.reading ?? field.hint {
                Text(note)
                    .font(.caption)
                    .foregroundStyle(field.error == nil ? Color.secondary : Color.red)
            }
            if let warning = field.warning {
                Text(warning).font(.callout).foregroundStyle(Color.orange)
            }
        }
    }
}

/// A date typed as text and kept as typed (the core reads 2025-06-16 and 令和7年6月16日 and
/// writes the day back below), or picked in the calendar of the app's language.
struct DateFieldInput: View {
    let field: FormField
    let onValue: (String) -> Void
    @Environment(AppModel.self) private var model
    @State private var picking = false

    var body: some View {
        let texts: ShellTexts = model.texts
        HStack {
            TextField(field.label, text: Binding(get: { field.value }, set: onValue))
            Button(texts.pickDate) { picking = true }
                .buttonStyle(.borderless)
        }
        .sheet(isPresented: $picking) {
            NavigationStack {
                DatePicker(field.label, selection: Binding(
                    get: { DayFormat.date(from: field.value) ?? Date() },
                    set: { (date: Date) in onValue(DayFormat.string(from: date)) }
                ), displayedComponents: .date)
                    .datePickerStyle(.graphical)
                    .padding()
                    .toolbar {
                        ToolbarItem(placement: .confirmationAction) { Button(texts.save) { picking = false } }
                    }
            }
        }
    }
}

/// A form on its own screen: its fields, `extra` below them (the screen's own actions),
/// and the cancel and submit buttons. A refused form comes back with its errors.
struct FormScreen<Extra: View>: View {
    let form: FormModel
    let onValue: (String, String) -> Void
    let onSubmit: () -> Void
    @ViewBuilder let extra: () -> Extra
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        let texts: ShellTexts = model.texts
        Form {
            FormFieldsView(form: form, onValue: onValue)
            extra()
        }
        .navigationTitle(form.title)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) { Button(texts.cancel) { dismiss() } }
            ToolbarItem(placement: .confirmationAction) { Button(form.submitLabel, action: onSubmit) }
        }
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

    static func date(from day: String) -> Date? { formatter.date(from: day.trimmingCharacters(in: .whitespaces)) }
    static func string(from date: Date) -> String { formatter.string(from: date) }
}
