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
