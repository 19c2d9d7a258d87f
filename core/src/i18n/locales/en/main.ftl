# Card states (RULES.md R2–R5)
state-valid = Valid
state-renewal_window = Renew now
state-grace = Grace period
state-expired = Expired
state-invalid_moved = Invalid (move)
state-invalid_overseas = Invalid (abroad)
state-unknown = Unknown

# Deadlines
deadline-cert_renewal_opens = Certificate renewal opens
deadline-cert_expires = Certificate expires
deadline-grace_ends = Last day usable as insurance card
deadline-card_renewal_opens = Card renewal opens
deadline-card_expires = Card expires
deadline-move_in_due = Last day for the move-in notice
deadline-continued_use_due = Last day to keep the card valid after moving
deadline-overseas_apply_by = Last day to apply for use abroad
deadline-insurance_usable_from = Usable with the new insurer
deadline-eligibility_certificate_expires = Eligibility certificate expires

# Relationships
relationship-myself = Me
relationship-spouse = Spouse
relationship-child = Child
relationship-parent = Parent
relationship-other = Family

# Relative days
days-relative =
    { $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }
days-overdue =
    { $days ->
        [1] 1 day ago
       *[other] { $days } days ago
    }

# The demo table
demo-title = shikaku — sample household on { $date }
demo-column-member = Member
demo-column-state = State
demo-column-next = Next step
demo-column-when = When
demo-column-attention = Needs attention
demo-nothing-due = nothing due
demo-covered-by-eligibility-certificate = covered by eligibility certificate
demo-not-covered = not covered: get an eligibility certificate
demo-estimate = estimated
demo-footer = Dates are computed from the facts entered; a date printed on the card always wins. Try: shikaku rules --today { $date } < facts.json
deadline-refresh_document = Download a fresh insurance record

# Reminders: the title names the member, the step and when; the body says what to do.
reminder-title = { $name }: { $what } ({ $when })
reminder-body-cert_renewal_opens = The certificate expires on { $date }. Renew it at your municipal office; renewing early does not shorten it.
reminder-body-cert_expires = The certificate expires on { $date }. Renew it at your municipal office to keep using the card as your health insurance card.
reminder-body-grace_ends = After { $date } the card no longer works as a health insurance card until the certificate is renewed and registered again. Until then you need an eligibility certificate (資格確認書) from your insurer.
reminder-body-card_renewal_opens = The card expires on { $date }. You can apply for a new card at your municipal office now.
reminder-body-card_expires = The card expires on { $date }. Apply for a new one at your municipal office.
reminder-body-move_in_due = File the move-in notice with your new municipality by { $date } and show your My Number Card. After that date the card becomes invalid.
reminder-body-continued_use_due = Have the card confirmed for continued use at your new municipality by { $date }. After that date the card becomes invalid.
reminder-body-overseas_apply_by = Apply for continued use abroad at your municipal office by { $date }, the day before you leave. Without it the card becomes invalid on the day you leave.
reminder-body-overseas_last_weekday = If your office opens on weekdays only, { $date } is the last weekday to apply for continued use abroad.
reminder-body-insurance_usable_from = From { $date } the card works as your health insurance card with your new insurer.
reminder-body-eligibility_certificate_expires = Your eligibility certificate expires on { $date }. Check that a new one has arrived; if not, ask your insurer.
reminder-body-refresh_document = The insurance record (資格情報) saved in the app may be out of date. Download the latest one from Mynaportal and import it.

# Calendar export
ics-calendar-name = shikaku deadlines
ics-summary = { $what } ({ $who })
