# カードの状態（RULES.md R2〜R5）
state-valid = 有効
state-renewal_window = 更新できます
state-grace = 猶予期間中
state-expired = 期限切れ
state-invalid_moved = 失効（転入の手続き期限切れ）
state-invalid_overseas = 失効（国外転出）
state-unknown = 不明
state-lost = 紛失

# 期限
deadline-cert_renewal_opens = 電子証明書の更新受付開始
deadline-cert_expires = 電子証明書の有効期限
deadline-grace_ends = マイナ保険証として使える最終日
deadline-card_renewal_opens = 新しいカードの申請受付開始
deadline-card_expires = カードの有効期限
deadline-move_in_due = 転入届の期限
deadline-change_of_address_due = 転居届の期限
deadline-continued_use_due = 継続利用手続きの期限
deadline-overseas_apply_by = 国外継続利用の申請期限
deadline-insurance_usable_from = 新しい保険でマイナ保険証が使える日
deadline-eligibility_certificate_expires = 資格確認書の有効期限
deadline-refresh_document = 資格情報の再ダウンロード
deadline-residence_period_ends = 在留期間の満了日（カードの有効期間の変更）
deadline-elderly_copay_from = 高齢受給者になる日（70歳）
deadline-late_stage_elderly_from = 後期高齢者医療制度に加入する日（75歳）
deadline-join_other_insurance_due = ほかの医療保険への加入手続きの期限

# 続柄
relationship-myself = 本人
relationship-spouse = 配偶者
relationship-child = 子
relationship-parent = 親
relationship-other = その他

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

# リマインダー：タイトルは誰の・何の・いつ、本文はすることと、その日付
reminder-title = { $name }さん：{ $what }（{ $when }）
reminder-body-cert_renewal_opens = 電子証明書の有効期限は{ $expires }です。{ $date }から、お住まいの市区町村の窓口で更新の手続きができます。この期間内であれば、早めに更新しても有効期間は短くなりません。
reminder-body-cert_expires = 電子証明書の有効期限は{ $date }です。マイナ保険証を引き続きお使いいただくため、お住まいの市区町村の窓口で更新の手続きをしてください。
reminder-body-grace_ends = { $date }を過ぎると、電子証明書を更新して健康保険証の利用登録をし直すまで、マイナ保険証はお使いいただけません。それまでの受診には、保険者が交付する資格確認書が必要です。
reminder-body-grace_ends-after_card = マイナンバーカードの有効期限（{ $expires }）を過ぎても、{ $date }まではマイナ保険証で資格の確認ができます。{ $date }を過ぎると、新しいカードを受け取るまでマイナ保険証は使えません。それまでの受診には、保険者が交付する資格確認書が必要です。
reminder-body-card_renewal_opens = マイナンバーカードの有効期限は{ $expires }です。{ $date }から新しいカードを申請できます。交付まで1か月ほどかかりますので、お早めにお住まいの市区町村で申請してください。
reminder-body-card_expires = マイナンバーカードの有効期限は{ $date }です。新しいカードの交付まで1か月ほどかかります。まだ申請していない場合は、お早めにお住まいの市区町村で申請してください。
reminder-body-move_in_due = { $date }までに、転入先の市区町村に転入届を出し、その際にマイナンバーカードをご提示ください（カードの継続利用の手続きになります）。期限を過ぎるとカードは失効します。
reminder-body-change_of_address_due = { $date }までに、お住まいの市区町村に転居届を出してください。マイナンバーカードをお持ちいただくと、カードの住所が書き換えられます。同じ市区町村の中での引っ越しでは、カードはそのまま有効です。
reminder-body-continued_use_due = { $date }までに、転入先の市区町村の窓口でマイナンバーカードの継続利用の手続きをしてください。期限を過ぎるとカードは失効します。
reminder-body-overseas_apply_by = 出国の前日の{ $date }までに、お住まいの市区町村の窓口で国外継続利用を申請してください。申請しないまま出国すると、出国の日にカードは失効します。
reminder-body-overseas_last_weekday = 国外継続利用の申請期限は{ $deadline }です。窓口が平日のみ開いている場合、申請できる最後の平日は{ $date }です。
reminder-body-residence_period_ends = { $date }は在留期間の満了日で、マイナンバーカードの有効期限もこの日です。在留期間の更新を受けたら、{ $date }までに在留カードとマイナンバーカードを持ってお住まいの市区町村の窓口へ行き、カードの有効期間の変更をしてください（手数料はかかりません）。この手続きの案内は届きません。変更しないまま満了日を過ぎると、カードは失効し、再交付が必要になります。
reminder-body-residence_last_weekday = 在留期間の満了日は{ $deadline }です。窓口が平日のみ開いている場合、カードの有効期間の変更ができる最後の平日は{ $date }です。
reminder-body-insurance_usable_from = { $date }から、新しい保険の資格でマイナ保険証をお使いいただけます。
reminder-body-insurance_usable_from-earliest = 新しい保険でマイナ保険証が使えるようになるのは、早くても{ $date }です（保険者での登録が済んだ日の翌々営業日から）。それまでに受診する場合は、マイナンバーカードと一緒に資格情報をご提示いただくか、窓口で被保険者資格申立書にご記入ください。
reminder-body-eligibility_certificate_expires = 資格確認書の有効期限は{ $date }です。新しい資格確認書が届いているかご確認ください。届いていない場合は、ご加入の保険者にお問い合わせください。
reminder-body-refresh_document = アプリに保存している資格情報が古くなっています。マイナポータルから最新の資格情報をダウンロードし、取り込み直してください。
reminder-body-elderly_copay_from = { $date }から高齢受給者となり、医療機関の窓口での負担割合（2割または3割）が変わります。新しい負担割合を記載した「資格情報のお知らせ」が届きます。マイナ保険証では負担割合がオンラインで確認されるため、高齢受給者証は交付されません。{ $date }以降に、マイナポータルから新しい資格情報をダウンロードして取り込んでください。
reminder-body-late_stage_elderly_from = 75歳の誕生日の{ $date }から、後期高齢者医療制度に加入します。これまでの健康保険はその前日までです。マイナ保険証は引き続きお使いいただけますが、保存している資格情報は使えなくなりますので、{ $date }以降に新しい資格情報をダウンロードしてください。扶養しているご家族は、14日以内にほかの医療保険（国民健康保険など）に加入する手続きが必要です。
reminder-body-join_other_insurance_due = 被保険者のご家族が75歳になり後期高齢者医療制度に移るため、{ $status_ends }から被扶養者ではなくなります。{ $date }までに、お住まいの市区町村の窓口で国民健康保険の加入手続きをしてください。ほかのご家族の勤務先の健康保険に扶養されて加入する場合は、その勤務先を通じて手続きしてください。
reminder-hint-next_open_day = 期限の{ $date }は市区町村の閉庁日のため、次の開庁日の{ $open_day }までに手続きすれば間に合います。
reminder-hint-last_open_day = { $date }は市区町村の閉庁日です。平日のみ開いている窓口では、{ $open_day }までに手続きしてください。

# カレンダー書き出し
ics-calendar-name = shikaku 手続きの期限
ics-summary = { $what }（{ $who }）
