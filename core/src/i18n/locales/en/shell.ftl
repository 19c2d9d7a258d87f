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
shell-member-title = Member details
shell-member-display-name = Display name
shell-member-relationship = Relationship
shell-member-birth-date = Date of birth
shell-member-card-issued-on = My Number Card issued on
shell-member-card-expires-on = Expiry printed on the card
shell-member-cert-expires-on = Electronic certificate expires on
shell-member-moved-on = Moved on
shell-member-move-in-filed-on = Move-in notice filed on
shell-member-overseas-departure-on = Leaving Japan on
shell-member-insurer-registered-on = Registered by the insurer on
shell-member-eligibility-certificate-expires-on = Eligibility certificate expires on
shell-member-has-card = Has a My Number Card
shell-member-registered-for-insurance = Card registered as a health insurance card
shell-member-has-smartphone = Has a smartphone
shell-member-carries-notice = Carries the 資格情報のお知らせ
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
