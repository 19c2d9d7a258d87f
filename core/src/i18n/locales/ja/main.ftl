# カードの状態（RULES.md R2〜R5）
state-valid = 有効
state-renewal_window = 更新できます
state-grace = 猶予期間中
state-expired = 期限切れ
state-invalid_moved = 失効（転居）
state-invalid_overseas = 失効（国外転出）
state-unknown = 不明

# 期限
deadline-cert_renewal_opens = 電子証明書の更新受付開始
deadline-cert_expires = 電子証明書の有効期限
deadline-grace_ends = マイナ保険証として使える最終日
deadline-card_renewal_opens = カードの更新受付開始
deadline-card_expires = カードの有効期限
deadline-move_in_due = 転入届の期限
deadline-continued_use_due = 継続利用手続きの期限
deadline-overseas_apply_by = 国外継続利用の申請期限
deadline-insurance_usable_from = 新しい保険で使える日
deadline-eligibility_certificate_expires = 資格確認書の有効期限

# 続柄
relationship-myself = 本人
relationship-spouse = 配偶者
relationship-child = 子
relationship-parent = 親
relationship-other = 家族

# 相対日数
days-relative =
    { $days ->
        [0] 今日
        [1] 明日
       *[other] あと{ $days }日
    }
days-overdue = { $days }日超過

# デモの表
demo-title = shikaku — サンプル世帯（{ $date }時点）
demo-column-member = 氏名
demo-column-state = 状態
demo-column-next = 次の手続き
demo-column-when = 期日
demo-column-attention = 要対応
demo-nothing-due = 予定なし
demo-covered-by-eligibility-certificate = 資格確認書で受診できます
demo-not-covered = 受診に資格確認書が必要です
demo-estimate = 推定
demo-footer = 日付は入力された情報からの計算です。券面に記載の日付があればそちらが優先されます。例: shikaku rules --today { $date } < facts.json
deadline-refresh_document = 資格情報の再ダウンロード

# リマインダー：タイトルは誰の・何の・いつ、本文はすること
reminder-title = { $name }さん：{ $what }（{ $when }）
reminder-body-cert_renewal_opens = 電子証明書の有効期限は{ $date }です。お住まいの市区町村の窓口で更新の手続きができます。早めに更新しても有効期間が短くなることはありません。
reminder-body-cert_expires = 電子証明書の有効期限は{ $date }です。マイナ保険証を続けて使うために、市区町村の窓口で更新の手続きをしてください。
reminder-body-grace_ends = { $date }を過ぎると、電子証明書を更新して利用登録をし直すまでマイナ保険証は使えません。それまでの受診には、保険者から交付される資格確認書が必要です。
reminder-body-card_renewal_opens = マイナンバーカードの有効期限は{ $date }です。市区町村の窓口で新しいカードの申請ができます。
reminder-body-card_expires = マイナンバーカードの有効期限は{ $date }です。市区町村の窓口で新しいカードを申請してください。
reminder-body-move_in_due = { $date }までに、転入先の市区町村に転入届を出し、マイナンバーカードを提示してください。期限を過ぎるとカードは失効します。
reminder-body-continued_use_due = { $date }までに、転入先の市区町村の窓口でカードの継続利用の手続きをしてください。期限を過ぎるとカードは失効します。
reminder-body-overseas_apply_by = 出国の前日の{ $date }までに、市区町村の窓口で国外継続利用を申請してください。申請しないと、出国の日にカードは失効します。
reminder-body-overseas_last_weekday = 窓口が平日のみの場合、国外継続利用を申請できる最後の平日は{ $date }です。
reminder-body-insurance_usable_from = { $date }から、新しい保険の資格でマイナ保険証が使えるようになります。
reminder-body-eligibility_certificate_expires = 資格確認書の有効期限は{ $date }です。新しい資格確認書が届いているかご確認ください。届いていない場合は保険者にお問い合わせください。
reminder-body-refresh_document = アプリに保存している資格情報が古くなっている可能性があります。マイナポータルから最新の資格情報をダウンロードして、取り込み直してください。

# カレンダー書き出し
ics-calendar-name = shikaku 手続きの期限
ics-summary = { $what }（{ $who }）
