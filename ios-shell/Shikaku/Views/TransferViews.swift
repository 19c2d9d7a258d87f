import ShikakuCore
import ShikakuModel
import SwiftUI
import UIKit

/// Moving a member to another device: the core's code as a QR code (black on white
/// whatever the appearance, with its quiet zone) and as text to copy; the insurance
/// numbers travel only when the member turns that on.
struct ShareView: View {
    let memberId: String
    @Environment(AppModel.self) private var model
    @State private var includeNumbers = false

    var body: some View {
        let texts: ShellTexts = model.texts
        let code: String? = model.read(nil) { try $0.shareMember(memberId: memberId, includeInsuranceNumbers: includeNumbers) }
        let qr: QrMatrix? = code.flatMap { (code: String) in model.read(nil) { try $0.qr(payload: code) } }
        List {
            Text(texts.shareIntro)
            Toggle(texts.shareIncludeNumbers, isOn: $includeNumbers)
            if let qr {
                QrCodeView(qr: qr)
                    .frame(maxWidth: 360)
                    .frame(maxWidth: .infinity)
                    .accessibilityLabel(texts.qrDescription)
            }
            if let code {
                Text(code).font(.footnote.monospaced()).textSelection(.enabled)
                Button(texts.copyCode) {
                    UIPasteboard.general.string = code
                    model.message = texts.copied
                }
            }
        }
        .navigationTitle(texts.shareMember)
    }
}

/// A QR code's modules drawn square, dark on white, with a four-module quiet zone.
struct QrCodeView: View {
    let qr: QrMatrix

    var body: some View {
        Canvas { context, size in
            let quiet = 4
            let count = Int(qr.size)
            let module = min(size.width, size.height) / CGFloat(count + 2 * quiet)
            context.fill(Path(CGRect(origin: .zero, size: size)), with: .color(.white))
            for y in 0..<count {
                for x in 0..<count where qr.modules[y * count + x] {
                    let origin = CGPoint(x: CGFloat(x + quiet) * module, y: CGFloat(y + quiet) * module)
                    context.fill(Path(CGRect(origin: origin, size: CGSize(width: module, height: module))), with: .color(.black))
                }
            }
        }
        .aspectRatio(1, contentMode: .fit)
    }
}

/// Receiving a member from another device: the code pasted, or read by the core from a
/// picture the camera takes.
struct ReceiveView: View {
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var code = ""
    @State private var scanning = false

    var body: some View {
        let texts: ShellTexts = model.texts
        Form {
            Section { Text(texts.receiveIntro) }
            if CameraPicture.isAvailable {
                Button(texts.scanCode) { scanning = true }
            }
            TextField(texts.receiveCode, text: $code, axis: .vertical)
            Button(texts.receiveAdd) {
                if model.receiveMember(code: code) { dismiss() }
            }
            .disabled(code.isEmpty)
        }
        .navigationTitle(texts.receiveMember)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) { Button(texts.cancel) { dismiss() } }
        }
        .sheet(isPresented: $scanning) {
            CameraPicture { (picture: GreyPicture) in
                scanning = false
                if let read = model.readQrCode(width: picture.width, height: picture.height, luma: picture.luma) {
                    code = read
                }
            }
            .ignoresSafeArea()
        }
    }
}
