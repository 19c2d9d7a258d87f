import PDFKit
import ShikakuCore
import ShikakuModel
import SwiftUI
import UIKit

/// What the member turns towards the staff: the Japanese staff note, the key fields large,
/// the warnings, and the stored 資格情報 PDF drawn by PDFKit from bytes held in memory
/// only. Full screen, the idle timer off and the screen at full brightness while shown.
struct ClinicView: View {
    let memberId: String
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var savedBrightness: CGFloat = UIScreen.main.brightness
    @State private var card: ClinicCard?
    @State private var pdf: Data?

    var body: some View {
        let texts: ShellTexts = model.texts
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
                                HStack {
                                    Text(field.labelJa).font(.caption)
                                    // Read from the PDF and not confirmed by the member yet.
                                    if !field.confirmed {
                                        Text(texts.clinicUnconfirmed).font(.caption.bold()).foregroundStyle(Color.red)
                                    }
                                }
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
            // Read once, card and PDF together: the PDF is decrypted into memory for as
            // long as the view is shown.
            let display = model.read(nil) { try $0.counterDisplay(memberId: memberId) }
            card = display?.card
            pdf = display?.pdf
            UIApplication.shared.isIdleTimerDisabled = true
            savedBrightness = UIScreen.main.brightness
            UIScreen.main.brightness = 1.0
        }
        .onDisappear {
            pdf = nil
            UIApplication.shared.isIdleTimerDisabled = false
            UIScreen.main.brightness = savedBrightness
        }
        .statusBarHidden()
    }
}

/// PDFKit over the decrypted bytes; nothing is written to storage. The document is made
/// once per set of bytes: SwiftUI's updates (rotation, a published change elsewhere) do
/// not parse the PDF again.
struct PDFPagesView: UIViewRepresentable {
    let data: Data

    final class Coordinator {
        var shown: Data?
    }

    func makeCoordinator() -> Coordinator {
        Coordinator()
    }

    func makeUIView(context: Context) -> PDFView {
        let view = PDFView()
        view.autoScales = true
        view.displayMode = .singlePageContinuous
        return view
    }

    func updateUIView(_ view: PDFView, context: Context) {
        guard context.coordinator.shown != data else { return }
        context.coordinator.shown = data
        view.document = PDFDocument(data: data)
    }
}
