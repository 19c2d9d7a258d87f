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
