# Card states (RULES.md R2–R5)
state-valid = Valid
state-renewal_window = Renew now
state-grace = Grace period
state-expired = Expired
state-invalid_moved = Invalid (move-in steps missed)
state-invalid_overseas = Invalid (abroad)
state-unknown = Unknown
state-lost = Lost

# Deadlines
deadline-cert_renewal_opens = Certificate renewal opens
deadline-cert_expires = Certificate expires
deadline-grace_ends = Last day usable as a health insurance card
deadline-card_renewal_opens = Applications for a new card open
deadline-card_expires = Card expires
deadline-move_in_due = Last day for the move-in notice
deadline-change_of_address_due = Last day for the change-of-address notice
deadline-continued_use_due = Last day to keep the card valid after moving
deadline-overseas_apply_by = Last day to apply for use abroad
deadline-insurance_usable_from = Card usable with the new insurer
deadline-eligibility_certificate_expires = Eligibility certificate expires
deadline-refresh_document = Download a fresh insurance record
deadline-residence_period_ends = Period of stay ends (change the card's validity)
deadline-elderly_copay_from = Elderly recipient from (age 70)
deadline-late_stage_elderly_from = Late-stage elderly medical care from (age 75)
deadline-join_other_insurance_due = Last day to join other health insurance

# Relationships
relationship-myself = Me
relationship-spouse = Spouse
relationship-child = Child
relationship-parent = Parent
relationship-other = Other

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
demo-covered-by-eligibility-certificate = covered by an eligibility certificate
demo-not-covered = not covered: get an eligibility certificate
demo-estimate = estimated
demo-footer = Dates are computed from the facts entered; a date printed on the card always wins. Try: shikaku rules --today { $date } < facts.json

# Reminders: the title names the member, the step and when; the body says what to do, and by when.
reminder-title = { $name }: { $what } ({ $when })
reminder-body-cert_renewal_opens = The electronic certificate expires on { $expires }. From { $date } you can renew it at your municipal office; renewing early within this period does not shorten it.
reminder-body-cert_expires = The electronic certificate expires on { $date }. Renew it at your municipal office to keep using your card as a health insurance card.
reminder-body-grace_ends = After { $date } the card no longer works as a health insurance card until the certificate is renewed and the card is registered again. Until then you need an eligibility certificate (資格確認書) from your insurer.
reminder-body-grace_ends-after_card = After your My Number Card expired on { $expires }, it still confirms your eligibility until { $date }. After { $date } the card no longer works as a health insurance card until you receive a new card; until then you need an eligibility certificate (資格確認書) from your insurer.
reminder-body-card_renewal_opens = Your My Number Card expires on { $expires }. From { $date } you can apply for a new card. It takes about a month to be issued, so apply at your municipal office early.
reminder-body-card_expires = Your My Number Card expires on { $date }. A new card takes about a month to be issued: if you have not applied yet, apply at your municipal office soon.
reminder-body-move_in_due = File the move-in notice with your new municipality by { $date } and present your My Number Card with it (this keeps the card valid). After that date the card becomes invalid.
reminder-body-change_of_address_due = File the change-of-address notice with your municipality by { $date }; bring your My Number Card to have its address updated. A move within the same municipality leaves the card valid.
reminder-body-continued_use_due = Have your My Number Card confirmed for continued use at your new municipal office by { $date }. After that date the card becomes invalid.
reminder-body-overseas_apply_by = Apply for continued use abroad at your municipal office by { $date }, the day before you leave. If you leave without applying, the card becomes invalid on the day you leave.
reminder-body-overseas_last_weekday = The deadline to apply for continued use abroad is { $deadline }. If your office opens on weekdays only, the last weekday to apply is { $date }.
reminder-body-residence_period_ends = { $date } is the end of your period of stay, and your My Number Card expires that day too. Once your stay has been extended, take your residence card and My Number Card to your municipal office by { $date } and have the card's validity changed (free of charge). No notice is mailed for this. If the date passes without the change, the card lapses and must be reissued.
reminder-body-residence_last_weekday = Your period of stay ends on { $deadline }. If your office opens on weekdays only, the last weekday to have the card's validity changed is { $date }.
reminder-body-insurance_usable_from = From { $date } your card works as a health insurance card with your new insurer.
reminder-body-insurance_usable_from-earliest = Your card works with your new insurer from { $date } at the earliest (the second business day after the insurer registers you). If you see a doctor before then, show your card together with your insurance record (資格情報), or fill in the eligibility declaration form at reception.
reminder-body-eligibility_certificate_expires = Your eligibility certificate expires on { $date }. Check that a new one has arrived; if not, contact your insurer.
reminder-body-refresh_document = The insurance record (資格情報) saved in the app is out of date. Download the latest one from Mynaportal and import it again.
reminder-body-elderly_copay_from = From { $date } you are an elderly recipient (高齢受給者): your co-payment share changes (to 20% or 30%). A new eligibility notice shows the new share. With the マイナ保険証 the share is read online, so no elderly recipient certificate (高齢受給者証) is issued. From { $date } on, download the new insurance record from Mynaportal and import it.
reminder-body-late_stage_elderly_from = From { $date }, your 75th birthday, you are insured by the late-stage elderly medical care system (後期高齢者医療); your current insurance ends the day before. Your card keeps working as a health insurance card, but the saved insurance record no longer applies: download the new one from { $date } on. A family member who is your dependent must join other health insurance (such as National Health Insurance) within 14 days.
reminder-body-join_other_insurance_due = The insured family member turns 75 and moves to late-stage elderly medical care, so from { $status_ends } you are no longer their dependent. Join National Health Insurance at your municipal office by { $date }. To become the dependent of another family member's employee insurance instead, apply through their employer.
reminder-hint-next_open_day = { $date } is a day the municipal office is closed, so doing this on the next open day, { $open_day }, still meets the deadline.
reminder-hint-last_open_day = { $date } is a day the municipal office is closed: if your office opens on weekdays only, go by { $open_day }.

# Calendar export
ics-calendar-name = shikaku deadlines
ics-summary = { $what } ({ $who })
