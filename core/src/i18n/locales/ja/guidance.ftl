# 窓口で見せるもの（R8）
present-myna_card = マイナ保険証（健康保険証として利用登録したマイナンバーカード）を、受付のカードリーダーに置いてください。
present-smartphone_insurance_card = 対応している医療機関・薬局では、スマートフォンのマイナ保険証も使えます。
present-eligibility_certificate = 資格確認書を窓口で提示してください。
fallback-card_with_downloaded_record = カードリーダーで確認できないときは、マイナンバーカードと一緒に、このアプリに保存した「医療保険の資格情報」を見せてください。
fallback-card_with_notice = マイナンバーカードと一緒に、切り取って持ち歩いている「資格情報のお知らせ」を見せることもできます。
fallback-card_with_declaration_form = ほかに方法がないときは、マイナンバーカードを見せたうえで、窓口で「{ $declaration_form }」に記入してください。
never-alone-downloaded_record = 資格情報のPDF（画面）だけでは保険診療を受けられません。必ずマイナンバーカードと一緒に見せてください。
never-alone-notice = 「資格情報のお知らせ」だけでも保険診療は受けられません。必ずマイナンバーカードと一緒に見せてください。

# 準備しておくこと
prepare-get_card = 市区町村でマイナンバーカードを申請してください。受け取るまでは資格確認書で受診できます。
prepare-suspend_and_reissue_card = なくしたカードを一時停止し、市区町村で再交付を申請してください。
prepare-register_card_for_insurance = マイナンバーカードの健康保険証利用登録をしてください（医療機関のカードリーダー、マイナポータル、セブン銀行ATMでできます）。
prepare-renew_certificate = 市区町村の窓口で電子証明書を更新してください。
prepare-restore_card_at_municipality = カードが失効しています。市区町村の窓口でカードの扱いを確認し、必要な手続きをしてください。
prepare-download_record = マイナポータルから「医療保険の資格情報」をダウンロードして、このアプリに取り込んでください。
prepare-carry_notice = 「資格情報のお知らせ」の切り取り部分を、マイナンバーカードと一緒に持ち歩いてください。
prepare-apply_for_eligibility_certificate = { $insurer }に「{ $certificate_form }」を出して、資格確認書を申請してください。交付まで{ $days }日ほどかかることがあります。
prepare-replace_eligibility_certificate = 資格確認書の有効期限が切れています。新しい資格確認書が届いていなければ、{ $insurer }にお問い合わせください。

# 資格確認書が交付される理由（S3 Q6の8つとS1の2つ）
reason-card_lost = マイナンバーカードをなくした
reason-card_being_renewed = マイナンバーカードの更新手続き中である
reason-certificate_expired = 電子証明書の有効期限が切れている
reason-not_registered = カードはあるが健康保険証の利用登録をしていない
reason-no_card = マイナンバーカードを持っていない
reason-card_returned = マイナンバーカードを返納した
reason-needs_helper = マイナ保険証での受診に介助者などの手助けが必要である
reason-certificate_lost = 資格確認書をなくした、または傷めた
reason-no_my_number = マイナンバーが付番されていない（海外で生まれた子など）
reason-void_abroad = 国外転出でマイナンバーカードが失効した

# 準備のフローチャート
flow-question-card_and_smartphone = マイナンバーカードとスマートフォンをお持ちですか？
flow-question-card_only = マイナンバーカードはお持ちですか？（スマートフォンはお持ちでない場合）
flow-download-1 = まだの場合は、マイナンバーカードの健康保険証利用登録をしてください。
flow-download-2 = 「資格情報のお知らせ」のQRコードを読み取るか、マイナポータルのアプリを開きます。
flow-download-3 = マイナンバーカードでマイナポータルにログインします。
flow-download-4 = トップページの「健康保険証」を選びます。
flow-download-5 = 「端末に保存」を押して「医療保険の資格情報」をダウンロードし、このアプリに取り込みます。
flow-download-6 = 取り込んでおけば、「資格情報のお知らせ」を持ち歩く必要はありません。スマートフォンは忘れずにお持ちください。
flow-notice-1 = 「資格情報のお知らせ」の切り取り線のところを切り離します。
flow-notice-2 = 切り離した部分を、マイナンバーカードと一緒にいつも持ち歩きます。
flow-notice-3 = なくしたり傷めたりしたときは、{ $insurer }に「{ $notice_form }」を出してください。
flow-no_card-1 = 市区町村でマイナンバーカードを申請してください。受け取った後は、医療機関のカードリーダーでも保険証利用登録ができます。
flow-no_card-2 = カードが届くまでは、{ $insurer }から交付される資格確認書で受診します。
flow-no_card-3 = 資格確認書がお手元にない場合は、「{ $certificate_form }」で申請してください。

# 場面ごとの案内
situation-card_lost = マイナンバーカードをなくしたとき
situation-card_lost-1 = すぐにカードの一時停止をしてください（マイナンバー総合フリーダイヤルで24時間受け付けています）。
situation-card_lost-2 = 警察に遺失届を出してください。
situation-card_lost-3 = お住まいの市区町村で、カードの再交付を申請してください。
situation-card_lost-4 = 近いうちに受診の予定がある場合は、{ $insurer }に「{ $certificate_form }」を出してください。交付まで{ $days }日以上かかることがあります。
situation-certificate_expired = 電子証明書の有効期限が近い・切れたとき
situation-certificate_expired-1 = マイナンバーカードを持って、お住まいの市区町村の窓口で電子証明書を更新してください。有効期限の2〜3か月前に届く「有効期限通知書」があれば一緒にお持ちください。
situation-certificate_expired-2 = 有効期限を過ぎても、その3か月後の月末までは、マイナ保険証で資格の確認ができます（診療・お薬の情報の提供はできません）。
situation-certificate_expired-3 = その期間も過ぎると、電子証明書を更新して健康保険証の利用登録をし直すまで、マイナ保険証は使えません。
situation-certificate_expired-4 = それまでの受診には資格確認書が必要です。{ $insurer }にご相談ください。
situation-moved = 引っ越したとき
situation-moved-1 = 引っ越した日から14日以内に、転入先の市区町村に転入届を出してください（転出届に書いた転出予定日から30日以内であることも必要です）。マイナンバーカードを忘れずにお持ちください。
situation-moved-2 = 転入届を出した日から90日以内に、カードの継続利用の手続きをしてください。どちらかが遅れるとカードは失効します。
situation-moved-3 = 住所が変わると署名用電子証明書は失効します。必要な方は窓口で再発行してください。マイナ保険証に使う利用者証明用電子証明書はそのまま使えます。
situation-moved-4 = 同じ市区町村の中での引っ越しは、14日以内に転居届を出し、カードの住所を書き換えてもらってください。
situation-going_abroad = 海外に引っ越すとき
situation-going_abroad-1 = 出国の前日までに、国外転出届と一緒に「国外継続利用」の申請をしてください。
situation-going_abroad-2 = 申請しないまま出国すると、出国の日にマイナンバーカードは失効し、マイナ保険証も使えなくなります。
situation-going_abroad-3 = 窓口が平日しか開いていないことがあります。余裕をもって手続きしてください。
situation-new_insurer = 就職・転職などで保険が変わったとき
situation-new_insurer-1 = 勤務先にマイナンバーを届け出てください。保険者での登録が済むまで、新しい保険ではマイナ保険証が使えません。
situation-new_insurer-2 = 登録された日の翌々営業日から、マイナ保険証が使えるようになります。マイナポータルの「医療保険の資格情報」で確認できます。
situation-new_insurer-3 = それまでに受診の予定がある場合は、勤務先を通じて{ $insurer }に資格確認書についてご相談ください。
situation-new_insurer-4 = 窓口で資格が確認できないときは、いったん全額を支払い、後から保険者に請求することになる場合があります。
situation-eligibility_certificate = 資格確認書について
situation-eligibility_certificate-1 = 資格確認書は、マイナ保険証で資格の確認ができない方に保険者が交付する紙の証です。窓口ではこれを見せて受診します。
situation-eligibility_certificate-2 = 有効期限は保険者が決め、長くても{ $years }年です。申請には「{ $certificate_form }」を使い、交付まで{ $days }日以上かかることがあります。
situation-eligibility_certificate-3 = 交付を受けられるのは、次のいずれかにあてはまる方です。
guide-last-weekday = 申請できる最後の平日

# 見出し
guide-heading-present = 受診のときに見せるもの
guide-heading-fallback = カードリーダーで確認できないとき
guide-heading-never-alone = それだけでは使えないもの
guide-heading-to-do = 準備しておくこと
guide-heading-reasons = 資格確認書を申請できる理由
guide-heading-situations = いまの状況での案内
guide-not-covered = いまは保険証として見せられるものがありません。

# 受付カード
field-name = 氏名
field-insurer_number = 保険者番号
field-symbol_number_branch = 記号・番号・枝番
field-copay_share = 負担割合
field-insurer_name = 保険者名称
field-birth_date = 生年月日
staff-note-card_with_record = マイナ保険証をカードリーダーで確認できない場合の確認用に、マイナポータルからダウンロードした「医療保険の資格情報」をお見せします。マイナンバーカードと一緒にご確認ください。
staff-note-card_with_record_in_grace = マイナ保険証をカードリーダーで確認できない場合の確認用に、マイナポータルからダウンロードした「医療保険の資格情報」をお見せします。マイナンバーカードと一緒にご確認ください。電子証明書は有効期限を過ぎていますが、{ $date }まではマイナ保険証で資格の確認ができます。
staff-note-card_only = マイナ保険証で受診します。カードリーダーで確認できない場合は、被保険者資格申立書に記入いたします。
staff-note-card_only_in_grace = マイナ保険証で受診します。電子証明書は有効期限を過ぎていますが、{ $date }まではマイナ保険証で資格の確認ができます。カードリーダーで確認できない場合は、被保険者資格申立書に記入いたします。
staff-note-eligibility_certificate = マイナ保険証は現在使えないため、資格確認書で受診します。この画面は記号・番号の確認用です。
staff-note-not_enough = この画面だけでは保険診療の資格確認はできません。資格確認書をお持ちでないため、お手続きについてご案内をお願いします。
clinic-warning-card_not_usable = いまはマイナ保険証が使えません。この画面だけでは保険診療を受けられないため、資格確認書が必要です。
clinic-warning-card_not_usable_certificate = いまはマイナ保険証が使えません。資格確認書を窓口に出してください。
clinic-warning-grace = 電子証明書の有効期限が過ぎています。マイナ保険証で受診できるのは{ $date }までです。早めに更新してください。
clinic-warning-record_stale = 保存している資格情報が古くなっています。マイナポータルから最新のものをダウンロードしてください。
clinic-warning-no_record = 資格情報が保存されていません。カードリーダーで確認できないときは、「資格情報のお知らせ」を一緒に見せるか、窓口で申立書に記入します。
clinic-warning-certificate_expired = 資格確認書の有効期限（{ $date }）が過ぎています。
clinic-heading-staff-note = 受付の方へ
clinic-heading-warnings = ご注意
clinic-record-offline = 資格情報のPDFはこの端末に保存されていて、通信がなくても開けます。
clinic-record-missing = 資格情報のPDFは保存されていません。
