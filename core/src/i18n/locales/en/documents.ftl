# What the member is told about a stored 資格情報 PDF (core/src/vault/identity.rs,
# core/src/guidance/clinic.rs).
# A document warning (vault WarningCode), naming the field.
document-warning-unreadable = “{ $field }” could not be read from the PDF. Please type it from the PDF.
document-warning-my-number-refused = “{ $field }” held a 12-digit number, so it was not kept: a My Number is never stored. Please type the insurance number from the PDF.
document-warning-insurer-number-invalid = “{ $field }” read from the PDF has the wrong length or check digit, so it was not kept. Please type it from the PDF.
document-warning-name-mismatch = “{ $field }” on this PDF is not this person's name. Please check that the PDF is not someone else's.
document-warning-name-script-differs = “{ $field }” on this PDF is written in kanji or kana differently from this person's name, so the app cannot tell whether it is theirs. Please check the PDF.
document-warning-birth-date-mismatch = “{ $field }” on this PDF is not this person's date of birth. Please check that the PDF is not someone else's.

# On the clinic card while the PDF may be someone else's ($what: name, birth_date, both).
clinic-warning-record_mismatch = The { $what ->
        [name] name
        [birth_date] date of birth
       *[both] name and date of birth
    } on the saved insurance record PDF does not match this person. It may be someone else's: confirm its details or import the right PDF.
