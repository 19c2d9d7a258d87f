import ShikakuCore
import ShikakuModel
import SwiftUI
import UniformTypeIdentifiers

/// A member's details: the core's member form through the generic renderer
/// (FormFieldsView), asked again for every value the member changes, so questions appear
/// as they apply; and, for a member already saved, their actions: import the 資格情報 PDF
/// (its fields are then shown to be checked), check those fields, go back to the previous
/// PDF, move the member to another device, remove them after a question.
struct MemberView: View {
    let memberId: String?
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var values: [String: String] = [:]
    @State private var refused: FormModel?
    @State private var importing = false
    @State private var reviewing = false
    @State private var confirmingRemoval = false

    var body: some View {
        let texts: ShellTexts = model.texts
        let form: FormModel? = refused ?? model.read(nil) { try $0.memberForm(memberId: memberId, values: values) }
        if let form {
            FormScreen(form: form, onValue: edit, onSubmit: save) {
                if let memberId {
                    actions(for: memberId, texts: texts)
                }
            }
            .navigationDestination(isPresented: $reviewing) {
                if let memberId { DocumentView(memberId: memberId) }
            }
            .confirmationDialog(texts.removeMemberQuestion, isPresented: $confirmingRemoval, titleVisibility: .visible) {
                Button(texts.remove, role: .destructive) { remove() }
                Button(texts.cancel, role: .cancel) {}
            }
        }
    }

    @ViewBuilder
    private func actions(for memberId: String, texts: ShellTexts) -> some View {
        let versions: UInt32 = model.read(0) { try $0.documentInfo(memberId: memberId).versionsKept }
        Section {
            Button(texts.importPdf) { importing = true }
                .fileImporter(isPresented: $importing, allowedContentTypes: [.pdf]) { result in
                    if case let .success(url) = result {
                        let scoped = url.startAccessingSecurityScopedResource()
                        defer {
                            if scoped { url.stopAccessingSecurityScopedResource() }
                        }
                        if let data = try? Data(contentsOf: url) {
                            model.importPDF(data, for: memberId)
                            // What was read is proposed: the member checks it now.
                            reviewing = true
                        }
                    }
                }
            NavigationLink(texts.documentReview) { DocumentView(memberId: memberId) }
            if versions >= 2 {
                Button(texts.revertDocument) {
                    model.act { companion in
                        _ = try companion.revertDocument(memberId: memberId)
                        model.message = texts.reverted
                    }
                }
            }
            NavigationLink(texts.shareMember) { ShareView(memberId: memberId) }
            Button(texts.removeMember, role: .destructive) { confirmingRemoval = true }
        }
    }

    private func edit(_ id: String, _ value: String) {
        refused = nil
        values[id] = value
    }

    private func save() {
        switch model.submit({ try $0.submitMemberForm(memberId: memberId, values: values) }) {
        case .saved:
            model.message = model.texts.saved
            dismiss()
        case let .invalid(form, _):
            refused = form
        case nil:
            break
        }
    }

    private func remove() {
        guard let memberId else { return }
        model.act { companion in
            try companion.removeMember(memberId: memberId)
            model.message = model.texts.removed
        }
        dismiss()
    }
}

/// The fields of the member's 資格情報 (read from the PDF, or typed from the お知らせ when
/// no PDF is stored) as the core's document form: warnings beside the fields they are
/// about, and confirming them marks them as checked on the clinic card.
struct DocumentView: View {
    let memberId: String
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var values: [String: String] = [:]
    @State private var refused: FormModel?

    var body: some View {
        let form: FormModel? = refused ?? model.read(nil) { try $0.documentForm(memberId: memberId, values: values) }
        if let form {
            FormScreen(form: form, onValue: edit, onSubmit: confirm) { EmptyView() }
        }
    }

    private func edit(_ id: String, _ value: String) {
        refused = nil
        values[id] = value
    }

    private func confirm() {
        switch model.submit({ try $0.submitDocumentForm(memberId: memberId, values: values) }) {
        case .saved:
            model.message = model.texts.documentConfirmed
            dismiss()
        case let .invalid(form, _):
            refused = form
        case nil:
            break
        }
    }
}
