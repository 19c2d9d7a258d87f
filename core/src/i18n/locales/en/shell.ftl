# The fixed words of the app's screens (core/src/view/screen_texts.rs: ShellTexts).
shell-app-name = shikaku
shell-tab-household = Household
shell-tab-deadlines = Deadlines
shell-tab-guidance = Guidance
shell-tab-settings = Settings
shell-household-empty = Nobody is added yet. Use "Add a member" to enter your card details or a family member's.
shell-add-member = Add a member
shell-show-at-counter = Show at the counter
shell-next-deadline = Next step
shell-overdue = Overdue
shell-nothing-due = Nothing due for now
shell-estimated = estimated
shell-clinic-title = Please show this at reception
shell-clinic-for-staff = For the reception staff
shell-clinic-for-you = What the note says
shell-clinic-record = Insurance record (PDF)
shell-clinic-no-record = No insurance record PDF is stored on this device.
shell-clinic-page = Page
shell-close = Close
shell-date-input-hint = Type 2025-06-16 or a Japanese era date such as 令和7年6月16日
shell-date-not-set = Not set
shell-pick-date = Pick a date
shell-import-pdf = Import the insurance record PDF
shell-import-choose-member = Whose insurance record is this PDF?
shell-imported = The insurance record PDF is saved
shell-save = Save
shell-cancel = Cancel
shell-remove-member = Remove this member
shell-share-member = Move to another device
shell-remove-member-question = This person's details and their saved insurance record PDF will be deleted from this device. This cannot be undone. Delete them?
shell-remove = Delete
shell-removed = Deleted
shell-saved = Saved
shell-document-review = Check the insurance record details
shell-document-confirmed = The insurance record details are confirmed
shell-revert-document = Go back to the previous insurance record PDF
shell-reverted = The previous insurance record PDF is back
shell-share-intro = On the other device, open “Receive from another device” in shikaku and scan this QR code or paste the code below. The insurance record PDF is not moved.
shell-share-include-numbers = Also move the insurance symbol and number
shell-copy-code = Copy the code
shell-one-time-code = Confirmation code
shell-share-one-time-code-hint = On the receiving device, type this confirmation code after scanning the QR code. The insurance symbol and number cannot be read without it.
# Until when a member code can be received: { $date } as Tue 1 Dec 2026, { $time } as 15:42 (Japan time).
shell-member-code-valid-until = This code can be received until { $time } on { $date } (Japan time).
shell-copied = Copied
shell-receive-member = Receive from another device
shell-receive-intro = On the other device, open “Move to another device”, then scan its QR code with the camera or paste the code.
shell-receive-code = Member code
shell-receive-one-time-code-intro = This code carries the insurance symbol and number. Please type the 10-digit confirmation code shown beside the QR code on the sending device.
shell-scan-code = Scan with the camera
shell-receive-add = Add this member
shell-received = The member was added
shell-clinic-unconfirmed = Not confirmed
shell-deadlines-kinds = Remind me about
shell-deadlines-empty = No steps are coming up
shell-export-calendar = Export to calendar
shell-guidance-question = Question
shell-answer-yes = Yes
shell-answer-no = No
shell-start-over = Start over
shell-situations = When something happens
shell-language = Language
shell-language-system = Follow the device
shell-language-ja = 日本語
shell-language-en = English
shell-app-lock = App lock
shell-app-lock-hint = Ask for biometrics or the device passcode when opening
shell-unlock-title = Unlock shikaku
shell-unlock-subtitle = Confirm it is you to show the insurance details
shell-content-status = Guidance data
shell-content-embedded = Version built into the app
shell-content-installed = Updated version
shell-content-refresh = Check for an update now
shell-notification-channel = Insurance deadlines
shell-notification-channel-description = Card and certificate expiry, notices after a move and other steps
shell-notification-permission-rationale = Allow notifications so shikaku can remind you before a deadline
shell-notification-permission-allow = Allow notifications
shell-not-now = Not now
shell-unlock = Unlock
shell-retry = Try again
shell-shortcut-clinic = Show at counter
shell-shortcut-clinic-long = Show my insurance info at the counter
shell-qr-description = QR code to scan with shikaku on another device
# One household row read aloud (TalkBack, VoiceOver).
shell-member-row = { $name } ({ $relationship }), { $state }. Next: { $next }. { $overdue ->
        [0] {""}
        [1] One step is overdue.
       *[other] { $overdue } steps are overdue.
    }

# A member whose saved record could not be opened, in the household list.
member-damaged-unreadable = This member's saved details are damaged and cannot be shown. The other members are unaffected.
member-damaged-outdated = This member's saved details are not the ones last saved (an older copy may have been put back). The other members are unaffected.
member-damaged-missing = This member's saved details are missing. The other members are unaffected.
