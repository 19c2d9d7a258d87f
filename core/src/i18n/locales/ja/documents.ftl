# What the member is told about a stored 資格情報 PDF (core/src/vault/identity.rs,
# core/src/guidance/clinic.rs).
# A document warning (vault WarningCode), naming the field.
document-warning-unreadable = 「{ $field }」をPDFから読み取れませんでした。PDFを見て入力してください。
document-warning-my-number-refused = 「{ $field }」に12桁の番号が書かれていたため、保存していません。マイナンバーは保存できません。PDFを見て保険の番号を入力してください。
document-warning-insurer-number-invalid = PDFから読み取った「{ $field }」は桁数か検証番号が合わないため、保存していません。PDFを見て入力してください。
document-warning-name-mismatch = このPDFの「{ $field }」が、この方の氏名と違います。別の方のPDFではないか確かめてください。
document-warning-name-script-differs = このPDFの「{ $field }」は、この方の氏名とかな・漢字の書き方が違うため、同じ方か確かめられません。PDFを確かめてください。
document-warning-birth-date-mismatch = このPDFの「{ $field }」が、この方の生年月日と違います。別の方のPDFではないか確かめてください。

# On the clinic card while the PDF may be someone else's ($what: name, birth_date, both).
clinic-warning-record_mismatch = 保存している資格情報のPDFの{ $what ->
        [name] 氏名
        [birth_date] 生年月日
       *[both] 氏名と生年月日
    }が、この方の情報と違います。別の方のPDFかもしれません。PDFの内容を確認するか、正しいPDFを取り込んでください。
