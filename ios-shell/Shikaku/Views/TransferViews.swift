import ShikakuCore
import ShikakuModel
import SwiftUI
import UIKit

/// Moving a member to another device: the core's code as a QR code (black on white
/// whatever the appearance, with its quiet zone) and as text to copy, until when it holds,
/// and, when the member chose to move the insurance numbers, the one-time code they travel
/// sealed under. The code is made anew, off the main actor, when that choice changes.
struct ShareView: View {
    let memberId: String
    @Environment(AppModel.self) private var model
    @State private var includeNumbers = false
    @State private var share: MemberShare?

    var body: some View {
        let texts: ShellTexts = model.texts
        List {
            Text(texts.shareIntro)
            Toggle(texts.shareIncludeNumbers, isOn: $includeNumbers)
            if let share {
                shown(share, texts: texts)
            }
        }
        .navigationTitle(texts.shareMember)
        .task(id: includeNumbers) {
            share = nil
            let made = await model.shareMember(memberId: memberId, includeInsuranceNumbers: includeNumbers)
            // The choice changed meanwhile: the newer task shows its own code.
            if !Task.isCancelled { share = made }
        }
    }

    @ViewBuilder
    private func shown(_ share: MemberShare, texts: ShellTexts) -> some View {
        if let qr: QrMatrix = model.read(nil, { try $0.qr(payload: share.code) }) {
            QrCodeView(qr: qr)
                .frame(maxWidth: 360)
                .frame(maxWidth: .infinity)
                .accessibilityLabel(texts.qrDescription)
        }
        if let oneTimeCode = share.oneTimeCode {
            VStack(alignment: .leading, spacing: 4) {
                Text(texts.oneTimeCode).font(.subheadline)
                Text(oneTimeCode).font(.title.monospaced()).textSelection(.enabled)
                Text(texts.shareOneTimeCodeHint).font(.callout)
            }
        }
        Text(model.read("") { $0.memberCodeValidUntil(expiresAt: share.expiresAt) })
        Text(share.code).font(.footnote.monospaced()).textSelection(.enabled)
        Button(texts.copyCode) {
            UIPasteboard.general.string = share.code
            model.message = texts.copied
        }
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
/// picture the camera takes; under it what the core says of it (until when it holds, or
/// why it cannot be received), and the one-time code asked for when the code carries
/// insurance numbers. A refusal (a wrong one-time code) is the core's sentence, shown here.
struct ReceiveView: View {
    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var code = ""
    @State private var oneTimeCode = ""
    @State private var failure: String?
    @State private var receiving = false
    @State private var scanning = false

    var body: some View {
        let texts: ShellTexts = model.texts
        let check = model.checkMemberCode(code)
        let needsOneTimeCode = check?.needsOneTimeCode == true
        Form {
            Section { Text(texts.receiveIntro) }
            if CameraPicture.isAvailable {
                Button(texts.scanCode) { scanning = true }
            }
            Section {
                TextField(texts.receiveCode, text: $code, axis: .vertical)
                if let check {
                    Text(check.text).foregroundStyle(check.refused ? Color.red : Color.secondary)
                }
            }
            if needsOneTimeCode {
                Section {
                    Text(texts.receiveOneTimeCodeIntro)
                    TextField(texts.oneTimeCode, text: $oneTimeCode)
                        .keyboardType(.numberPad)
                }
            }
            if let failure {
                Text(failure).foregroundStyle(Color.red)
            }
            Button(texts.receiveAdd) {
                receiving = true
                Task {
                    failure = await model.receiveMember(code: code, oneTimeCode: needsOneTimeCode ? oneTimeCode : nil)
                    receiving = false
                    if failure == nil { dismiss() }
                }
            }
            .disabled(receiving || check?.refused != false || (needsOneTimeCode && oneTimeCode.isEmpty))
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
