# What to show at the counter (R8)
present-myna_card = Place your My Number Card registered as health insurance card (マイナ保険証) on the reader at reception.
present-smartphone_insurance_card = Where the clinic or pharmacy supports it, the マイナ保険証 on your smartphone works too.
present-eligibility_certificate = Show your eligibility certificate (資格確認書) at reception.
fallback-card_with_downloaded_record = If the reader cannot confirm your card, show the insurance record (医療保険の資格情報) saved in this app together with your My Number Card.
fallback-card_with_notice = You can also show the cut-out eligibility notice (資格情報のお知らせ) together with your My Number Card.
fallback-card_with_declaration_form = If nothing else works, show your My Number Card and fill in the { $declaration_form } at reception.
never-alone-downloaded_record = The insurance record PDF (or screen) alone does not give you insured care: always show it with your My Number Card.
never-alone-notice = The eligibility notice alone does not give you insured care either: always show it with your My Number Card.

# Getting ready
prepare-get_card = Apply for a My Number Card at your municipal office. Until you have it, you can be seen with an eligibility certificate.
prepare-suspend_and_reissue_card = Suspend the lost card and apply for a new one at your municipal office.
prepare-register_card_for_insurance = Register your My Number Card as health insurance card (at a clinic's card reader, on Mynaportal, or at a Seven Bank ATM).
prepare-renew_certificate = Renew the card's electronic certificate at your municipal office.
prepare-restore_card_at_municipality = Your card is invalid. Ask your municipal office what it needs and complete the procedure.
prepare-download_record = Download your insurance record (医療保険の資格情報) from Mynaportal and import it into this app.
prepare-carry_notice = Carry the cut-out part of the eligibility notice (資格情報のお知らせ) with your My Number Card.
prepare-apply_for_eligibility_certificate = Apply to { $insurer } for an eligibility certificate with the { $certificate_form }. It can take about { $days } days to arrive.
prepare-replace_eligibility_certificate = Your eligibility certificate has expired. If no new one has arrived, contact { $insurer }.

# Why an eligibility certificate is issued (the 8 reasons of S3 Q6 and 2 of S1)
reason-card_lost = The My Number Card was lost
reason-card_being_renewed = The My Number Card is being renewed
reason-certificate_expired = The card's electronic certificate has expired
reason-not_registered = The card is not registered as health insurance card
reason-no_card = No My Number Card
reason-card_returned = The My Number Card was handed back
reason-needs_helper = Using the card at the reader needs a helper
reason-certificate_lost = The eligibility certificate was lost or damaged
reason-no_my_number = No My Number has been assigned (a child born abroad, for example)
reason-void_abroad = The card became invalid on leaving Japan

# The preparation flowchart
flow-question-card_and_smartphone = Do you have a My Number Card and a smartphone?
flow-question-card_only = Do you have a My Number Card (but no smartphone)?
flow-download-1 = If you have not yet, register your My Number Card as health insurance card.
flow-download-2 = Scan the QR code on the eligibility notice, or open the Mynaportal app.
flow-download-3 = Log in to Mynaportal with your My Number Card.
flow-download-4 = Choose "健康保険証" (health insurance card) on the top page.
flow-download-5 = Tap "端末に保存" (save to device) to download the insurance record, then import it into this app.
flow-download-6 = With the record in the app you do not need to carry the eligibility notice; do bring your smartphone.
flow-notice-1 = Cut out the marked part of the eligibility notice.
flow-notice-2 = Always carry it together with your My Number Card.
flow-notice-3 = If you lose or damage it, send the { $notice_form } to { $insurer }.
flow-no_card-1 = Apply for a My Number Card at your municipal office. Once you have it, you can register it as insurance card even at a clinic's reader.
flow-no_card-2 = Until the card arrives, you are seen with the eligibility certificate that { $insurer } issues.
flow-no_card-3 = If you do not have an eligibility certificate, apply with the { $certificate_form }.

# Situations
situation-card_lost = If you lose your My Number Card
situation-card_lost-1 = Suspend the card at once (the My Number toll-free line takes calls around the clock).
situation-card_lost-2 = Report the loss to the police.
situation-card_lost-3 = Apply for a new card at your municipal office.
situation-card_lost-4 = If you need to see a doctor soon, send the { $certificate_form } to { $insurer }. It can take { $days } days or more.
situation-certificate_expired = When the electronic certificate is about to expire or has expired
situation-certificate_expired-1 = Renew the certificate at your municipal office; bring your My Number Card, and the expiry notice (有効期限通知書) mailed 2–3 months ahead if you have it.
situation-certificate_expired-2 = After it expires, the card still confirms your eligibility until the end of the third month after the month of expiry (no sharing of medical or prescription records).
situation-certificate_expired-3 = After that the card no longer works as insurance card until you renew the certificate and register the card again.
situation-certificate_expired-4 = Until then you need an eligibility certificate; ask { $insurer }.
situation-moved = When you move house
situation-moved-1 = File the move-in notice with your new municipality within 14 days of moving (and within 30 days of the move-out date you gave). Bring your My Number Card.
situation-moved-2 = Have the card confirmed for continued use within 90 days of the move-in notice. If either step is late, the card becomes invalid.
situation-moved-3 = A change of address revokes the signature certificate; have it reissued if you need it. The certificate used for health insurance stays valid.
situation-moved-4 = For a move within the same municipality, file the change-of-address notice within 14 days and have the card's address updated.
situation-going_abroad = When you move abroad
situation-going_abroad-1 = By the day before you leave, apply for continued use abroad (国外継続利用) together with the move-out notice.
situation-going_abroad-2 = If you leave without applying, the card becomes invalid on the day you leave, and so does its use as insurance card.
situation-going_abroad-3 = Some offices open on weekdays only: leave yourself time.
situation-new_insurer = When your insurance changes (new job, for example)
situation-new_insurer-1 = Give your My Number to your employer. Until the insurer has registered you, the card does not work with the new insurance.
situation-new_insurer-2 = The card works from the second business day after the insurer registered you. Mynaportal's insurance record shows when it is done.
situation-new_insurer-3 = If you need to see a doctor before then, ask { $insurer } about an eligibility certificate through your employer.
situation-new_insurer-4 = If the counter cannot confirm your insurance, you may have to pay in full and claim the insured part from your insurer later.
situation-eligibility_certificate = About the eligibility certificate (資格確認書)
situation-eligibility_certificate-1 = An eligibility certificate is a paper certificate an insurer issues to members whose eligibility cannot be confirmed with the card. You show it at reception.
situation-eligibility_certificate-2 = The insurer sets its validity, { $years } years at most. Apply with the { $certificate_form }; it can take { $days } days or more.
situation-eligibility_certificate-3 = It is issued to members to whom one of these applies:
guide-last-weekday = Last weekday to apply

# Headings
guide-heading-present = What to show when you are seen
guide-heading-fallback = If the card reader cannot confirm your card
guide-heading-never-alone = Never enough on its own
guide-heading-to-do = To get ready
guide-heading-reasons = Reasons you can apply for an eligibility certificate
guide-heading-situations = For your situation now
guide-not-covered = Right now you have nothing that proves your insurance.

# The clinic card
field-name = Name
field-insurer_number = Insurer number
field-symbol_number_branch = Symbol · number · branch
field-copay_share = Co-payment
field-insurer_name = Insurer
field-birth_date = Date of birth
staff-note-card_with_record = This is my insurance record downloaded from Mynaportal, for when the card reader cannot confirm my card. Please check it together with my My Number Card.
staff-note-card_with_record_in_grace = This is my insurance record downloaded from Mynaportal, for when the card reader cannot confirm my card. Please check it together with my My Number Card. The electronic certificate has expired, but the card confirms my eligibility until { $date }.
staff-note-card_only = I am using my My Number Card as insurance card. If the reader cannot confirm it, I will fill in the eligibility declaration form.
staff-note-card_only_in_grace = I am using my My Number Card as insurance card. The electronic certificate has expired, but the card confirms my eligibility until { $date }. If the reader cannot confirm it, I will fill in the eligibility declaration form.
staff-note-eligibility_certificate = My card cannot be used as insurance card right now, so I am using my eligibility certificate. This screen shows my symbol and number for reference.
staff-note-not_enough = This screen alone does not confirm my insurance. I do not have an eligibility certificate; please tell me what to do.
clinic-warning-card_not_usable = Your card cannot be used as insurance card now. This screen alone is not enough: you need an eligibility certificate.
clinic-warning-card_not_usable_certificate = Your card cannot be used as insurance card now. Show your eligibility certificate at reception.
clinic-warning-grace = The electronic certificate has expired. The card works as insurance card only until { $date }: renew it soon.
clinic-warning-record_stale = The saved insurance record is old. Download the latest one from Mynaportal.
clinic-warning-no_record = No insurance record is saved. If the reader cannot confirm your card, show the eligibility notice with it or fill in the declaration form at reception.
clinic-warning-certificate_expired = Your eligibility certificate expired on { $date }.
clinic-heading-staff-note = For the staff
clinic-heading-warnings = Please note
clinic-record-offline = The insurance record PDF is stored on this device and opens without a connection.
clinic-record-missing = No insurance record PDF is stored.
