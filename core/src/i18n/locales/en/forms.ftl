# The forms the core builds (core/src/view/member_form.rs, document_form.rs): titles,
# sections, hints and choices. A field's label is its input-… message (errors.ftl), so an
# error names the field as the form does.
form-member-title-new = Add a family member
form-member-title = Family member
form-section-person = About the person
form-section-card = My Number Card
form-section-certificate = Electronic certificate (used by the My Number insurance card)
form-section-counter = What you use at the reception
form-section-eligibility-certificate = Eligibility certificate (資格確認書)
form-section-move = Moving
form-section-abroad = Moving abroad
form-section-insurer = Health insurance
form-hint-display-name = A name used on this device only.
form-hint-name-as-printed = Used to check that an imported insurance record PDF is this person's. When empty, the display name is compared.
form-hint-birth-date = Type it as 1985-04-12 or in the Japanese era, such as 昭和60年4月12日.
form-hint-residence-limit-on = The end of the period of stay on the residence card. Leave it empty for permanent and special permanent residents.
form-hint-card-issued-on = The issue date printed on the card, not the day you picked it up.
form-hint-card-applied-on = Only if you know it.
form-hint-card-expires-on = The expiry printed on the card. When entered, it is used instead of the calculated date.
form-hint-registered-for-insurance = You can check this in Mynaportal.
form-hint-has-my-number = Answer no if no My Number has been assigned yet, for example to a child born abroad.
form-hint-cert-issued-on = Leave it empty if it was issued with the card.
form-hint-cert-expires-on = Enter it if you know it from the expiry notice or Mynaportal. It is used instead of the calculated date.
form-hint-previous-cert-expires-on = If the certificate was renewed: the expiry of the certificate before the renewal.
form-hint-smartphone-insurance-card = The My Number insurance card set up on the smartphone.
form-hint-carries-notice = The cut-out 資格情報のお知らせ carried with the card.
form-hint-needs-helper = People who need help with the card reader can receive an eligibility certificate.
form-hint-has-eligibility-certificate = Answer yes if you hold an eligibility certificate from your insurer.
form-hint-eligibility-certificate-expires-on = The expiry printed on the eligibility certificate.
form-hint-moved-on = If you moved recently or are about to move.
form-hint-moved-out-planned-on = When moving to another municipality: the planned move-out date on the move-out notice.
form-hint-move-in-filed-on = Leave it empty if you have not filed it yet.
form-hint-continued-use-at-move-in = If you did, the card's continued use was completed that day.
form-hint-continued-use-done-on = If you completed it on another day than the move-in notice.
form-hint-overseas-departure-on = If you are leaving Japan to live abroad (moving out of Japan).
form-hint-overseas-continued-use-applied-on = The day you applied at the municipality, by the day before departure.
form-hint-insurer-registered-on = The date on the 資格情報のお知らせ or in Mynaportal. Enter it when your insurance changed.
form-hint-eligibility-certificate-issued-on = The issue date printed on the eligibility certificate. It is valid for at most five years from then.
form-hint-insurer-joined-on = The day you joined the new insurance. Enter it when you do not know the day the insurer registered you.
form-hint-dependent-of = If this person is a dependent on a family member's insurance, choose the insured family member.
form-choice-not-a-dependent = Not a dependent
form-label-move-within-filed-on = Change-of-address notice filed on
card-condition-in-hand = In hand
card-condition-lost = Lost
card-condition-being-renewed = Being renewed or reissued
card-condition-returned = Returned to the municipality

# The document form: the fields read from a 資格情報 PDF, proposed to the member.
form-document-title = Insurance record details
form-document-intro-proposed = These details were read from the insurance record PDF. Compare them with the PDF, correct anything that differs, then confirm. Until you confirm, the counter screen marks them as not confirmed.
form-document-intro-confirmed = These details are confirmed. To correct them, change them and confirm again.
form-document-intro-typed = When no insurance record PDF is stored, you can enter the details from the 資格情報のお知らせ. The counter screen shows them.
form-document-confirm = Confirm these details
form-section-document = What the insurance record says

