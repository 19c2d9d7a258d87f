# The forms the core builds (core/src/view/member_form.rs, document_form.rs): titles,
# sections, hints and choices. A field's label is its input-… message (errors.ftl), so an
# error names the field as the form does.
form-member-title-new = 家族を追加
form-member-title = 家族の情報
form-section-person = ご本人について
form-section-card = マイナンバーカード
form-section-certificate = 電子証明書（マイナ保険証に使う証明書）
form-section-counter = 窓口で使うもの
form-section-eligibility-certificate = 資格確認書
form-section-move = 引っ越し
form-section-abroad = 海外への転出
form-section-insurer = 保険の加入
form-hint-display-name = この端末の中だけで使う呼び名です。
form-hint-name-as-printed = 取り込んだ資格情報のPDFがこの方のものか確かめるために使います。空欄なら表示名と比べます。
form-hint-birth-date = 「昭和60年4月12日」のように和暦でも、1985-04-12 のようにも入力できます。
form-hint-residence-limit-on = 在留カードに書かれている在留期間の満了日です。永住者・特別永住者の方は空欄のままにしてください。
form-hint-card-issued-on = カードに書かれている発行日です。カードを受け取った日ではありません。
form-hint-card-applied-on = 分かる場合だけ入力してください。
form-hint-card-expires-on = カードに書かれている有効期限です。入力すると、計算した日より優先します。
form-hint-registered-for-insurance = マイナポータルで確認できます。
form-hint-has-my-number = 海外で生まれたお子さまなど、マイナンバーがまだない場合は「いいえ」にしてください。
form-hint-cert-issued-on = カードと一緒に発行された場合は空欄のままで構いません。
form-hint-cert-expires-on = 有効期限通知書やマイナポータルで分かる場合に入力してください。計算した日より優先します。
form-hint-previous-cert-expires-on = 電子証明書を更新した場合の、更新する前の有効期限です。
form-hint-smartphone-insurance-card = スマートフォンにマイナ保険証を登録している場合（スマホ保険証）です。
form-hint-carries-notice = 切り取った資格情報のお知らせを、カードと一緒に持ち歩いている場合です。
form-hint-needs-helper = カードリーダーの操作に手助けが必要な方は、資格確認書を受け取れます。
form-hint-has-eligibility-certificate = 保険者から届いた資格確認書をお持ちの場合は「はい」にしてください。
form-hint-eligibility-certificate-expires-on = 資格確認書に書かれている有効期限です。
form-hint-moved-on = 最近引っ越した場合、または引っ越す予定の場合に入力してください。
form-hint-moved-out-planned-on = 別の市区町村へ引っ越す場合に、転出届に書いた転出予定日です。
form-hint-move-in-filed-on = まだ出していない場合は空欄のままにしてください。
form-hint-continued-use-at-move-in = 出した場合は、その日に継続利用の手続きが済んでいます。
form-hint-continued-use-done-on = 転入届とは別の日に手続きをした場合に入力してください。
form-hint-overseas-departure-on = 海外に住むために日本を離れる（国外転出する）場合に入力してください。
form-hint-overseas-continued-use-applied-on = 出国の前日までに市区町村の窓口で申請した日です。
form-hint-insurer-registered-on = 資格情報のお知らせやマイナポータルに書かれている日です。保険が変わったときに入力してください。
form-hint-eligibility-certificate-issued-on = 資格確認書に書かれている交付年月日です。有効期限は交付から5年以内です。
form-hint-insurer-joined-on = 新しい保険に加入した日（資格取得日）です。保険者に登録された日が分からないときに入力してください。
form-hint-dependent-of = この方が家族の扶養に入っている（被扶養者の）場合、保険に加入している方を選んでください。
form-choice-not-a-dependent = 扶養に入っていない
form-label-move-within-filed-on = 転居届を出した日
card-condition-in-hand = 手元にある
card-condition-lost = なくした
card-condition-being-renewed = 更新・再発行の手続き中
card-condition-returned = 市区町村に返納した

# The document form: the fields read from a 資格情報 PDF, proposed to the member.
form-document-title = 資格情報の記載内容
form-document-intro-proposed = 資格情報のPDFから読み取った内容です。PDFと見比べて、違うところは直してから確認してください。確認するまで、窓口の画面では「未確認」と表示します。
form-document-intro-confirmed = 確認済みの内容です。直すときは書き換えて、もう一度確認してください。
form-document-intro-typed = 資格情報のPDFを保存していない場合に、資格情報のお知らせに書かれている内容を入力できます。窓口の画面に表示します。
form-document-confirm = この内容で確認する
form-section-document = 資格情報に書かれている内容

