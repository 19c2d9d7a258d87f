import ShikakuCore
import ShikakuModel
import SwiftUI

/// A PDF arrived through "Open in shikaku" or the share sheet: whose record is it?
struct ImportChooserView: View {
    let pdf: Data
    @Environment(AppModel.self) private var model

    var body: some View {
        let texts: ShellTexts = model.texts
        let rows: [MemberRow] = model.read([MemberRow]()) { try $0.householdView() }
        NavigationStack {
            List {
                ForEach(rows, id: \.memberId) { (row: MemberRow) in
                    Button("\(row.displayName) (\(row.relationshipLabel))") {
                        model.importPDF(pdf, for: row.memberId)
                    }
                }
            }
            .navigationTitle(texts.importChooseMember)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(texts.cancel) { model.sharedPDF = nil }
                }
            }
        }
    }
}
