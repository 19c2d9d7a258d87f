import PDFKit
import ShikakuCore
import SwiftUI
import UIKit

/// What the member turns towards the staff: the Japanese staff note, the key fields large,
/// the warnings, and the stored 資格情報 PDF drawn by PDFKit from bytes held in memory
/// only. Full screen, the idle timer off and the screen at full brightness while shown.
struct ClinicView: View {
    let memberId: String
    @EnvironmentObject private var model: AppModel
    @Environment(\.dismiss) private var dismiss
    @State private var savedBrightness: CGFloat = UIScreen.main.brightness

    var body: some View {
        let texts: ShellTexts = model.texts
        let card: ClinicCard? = model.read(nil) { try $0.clinicCard(memberId: memberId) }
        let pdf: Data? = card?.recordAvailableOffline == true ? model.read(nil) { try $0.document(memberId: memberId) } : nil
        NavigationStack {
            ScrollView {
                if let card {
                    VStack(alignment: .leading, spacing: 16) {
                        Text(card.displayName).font(.largeTitle.bold())
                        ForEach(card.warnings, id: \.kind) { (warning: ClinicWarning) in
                            Text(warning.text)
                                .padding()
                                .frame(maxWidth: .infinity, alignment: .leading)
                                .background(Color.red.opacity(0.15), in: RoundedRectangle(cornerRadius: 12))
                        }
                        VStack(alignment: .leading, spacing: 4) {
                            Text(texts.clinicForStaff).font(.caption)
                            // The staff note is Japanese whatever the app's language.
                            Text(card.staffNoteJa).font(.title2).environment(\.locale, Foundation.Locale(identifier: "ja"))
                        }
                        .padding()
                        .background(Color.secondary.opacity(0.12), in: RoundedRectangle(cornerRadius: 12))
                        ForEach(card.fields.filter { (field: ClinicField) in field.value != nil }, id: \.kind) { (field: ClinicField) in
                            VStack(alignment: .leading) {
                                Text(field.labelJa).font(.caption)
                                Text(field.value ?? "").font(field.large ? .largeTitle.bold() : .title2.bold())
                            }
                            .accessibilityElement(children: .combine)
                        }
                        if card.staffNoteTranslated != card.staffNoteJa {
                            Divider()
                            Text(texts.clinicForYou).font(.caption)
                            Text(card.staffNoteTranslated)
                        }
                        Divider()
                        Text(texts.clinicRecord).font(.headline).accessibilityAddTraits(.isHeader)
                        if let pdf {
                            PDFPagesView(data: pdf)
                                .frame(minHeight: 600)
                                .accessibilityLabel(texts.clinicRecord)
                        } else {
                            Text(texts.clinicNoRecord)
                        }
                    }
                    .padding()
                }
            }
            .navigationTitle(texts.clinicTitle)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(texts.close) { dismiss() }
                }
            }
        }
        .onAppear {
            UIApplication.shared.isIdleTimerDisabled = true
            savedBrightness = UIScreen.main.brightness
            UIScreen.main.brightness = 1.0
        }
        .onDisappear {
            UIApplication.shared.isIdleTimerDisabled = false
            UIScreen.main.brightness = savedBrightness
        }
        .statusBarHidden()
    }
}

/// PDFKit over the decrypted bytes; nothing is written to storage.
struct PDFPagesView: UIViewRepresentable {
    let data: Data

    func makeUIView(context: Context) -> PDFView {
        let view = PDFView()
        view.autoScales = true
        view.displayMode = .singlePageContinuous
        view.document = PDFDocument(data: data)
        return view
    }

    func updateUIView(_ view: PDFView, context: Context) {
        if view.document?.dataRepresentation() != data {
            view.document = PDFDocument(data: data)
        }
    }
}
