//! The sample household of `shikaku demo`: four people whose facts are placed relative
//! to today, so that on any day the demo shows a certificate in its renewal window
//! after a recent move (R2, R4), one in grace who just changed insurer (R3, R7), a
//! child's 5-year card (R1), and a card made invalid by a missed 転入届 whose holder
//! relies on a 資格確認書 (R4, R6).

use chrono::{Datelike, Months, NaiveDate};

use crate::household::{Household, Member, Relationship};
use crate::rules::Facts;
use crate::rules::dates::{birthday_in_year, minus_days, plus_days};

/// `today` moved by whole years (negative: back), then by days; `today` itself when the
/// calendar runs out (the demo never fails).
fn shifted(today: NaiveDate, years: i32, days: i64) -> NaiveDate {
    let months = Months::new(years.unsigned_abs() * 12);
    let by_years = if years >= 0 {
        today.checked_add_months(months)
    } else {
        today.checked_sub_months(months)
    };
    by_years
        .and_then(|day| {
            if days >= 0 {
                plus_days(day, days.unsigned_abs())
            } else {
                minus_days(day, days.unsigned_abs())
            }
        })
        .unwrap_or(today)
}

/// Someone born `age` years before a birthday that falls `days_to_birthday` from today.
fn born(today: NaiveDate, age: i32, days_to_birthday: i64) -> NaiveDate {
    let birthday = shifted(today, 0, days_to_birthday);
    birthday_in_year(birthday, birthday.year() - age).unwrap_or(birthday)
}

/// The sample household, as it stands on `today`.
pub fn demo_household(today: NaiveDate) -> Household {
    // 太郎: birthday in 40 days; card and certificate issued a month after his birthday
    // five years ago, so the certificate ends on that coming birthday (renewal window).
    // Moved 20 days ago, filed the 転入届 17 days ago: 継続利用 is the next step.
    let taro_birth = born(today, 45, 40);
    let mut taro = Facts::born_on(taro_birth);
    taro.card_issued_on = Some(shifted(today, -5, 70));
    taro.moved_out_planned_on = Some(shifted(today, 0, -21));
    taro.moved_on = Some(shifted(today, 0, -20));
    taro.move_in_filed_on = Some(shifted(today, 0, -17));

    // 花子: certificate printed to have expired 50 days ago (grace); joined a new
    // insurer yesterday, so マイナ保険証 works again from the 2nd business day.
    let mut hanako = Facts::born_on(born(today, 43, -50));
    hanako.card_issued_on = Some(shifted(today, -5, -80));
    hanako.cert_expires_on = Some(shifted(today, 0, -50));
    hanako.insurer_registered_on = Some(shifted(today, 0, -1));

    // さくら: 9 years old, card issued two years ago: a child's 5-year card.
    let mut sakura = Facts::born_on(born(today, 9, 100));
    sakura.card_issued_on = Some(shifted(today, -2, 0));

    // 一郎: moved 30 days ago and never filed the 転入届: the card is invalid; he holds
    // a 資格確認書 valid for another ten months.
    let mut ichiro = Facts::born_on(born(today, 78, 200));
    ichiro.card_issued_on = Some(shifted(today, -3, 0));
    ichiro.moved_on = Some(shifted(today, 0, -30));

    let member = |id: &str, name: &str, relationship, facts| Member {
        id: id.to_owned(),
        display_name: name.to_owned(),
        name_as_printed: None,
        relationship,
        facts,
        eligibility_certificate_expires_on: None,
        eligibility_certificate_issued_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        dependent_of: None,
    };
    let mut grandfather = member("ichiro", "山田 一郎", Relationship::Parent, ichiro);
    grandfather.eligibility_certificate_expires_on = Some(shifted(today, 0, 300));
    Household {
        members: vec![
            member("taro", "山田 太郎", Relationship::Myself, taro),
            member("hanako", "山田 花子", Relationship::Spouse, hanako),
            member("sakura", "山田 さくら", Relationship::Child, sakura),
            grandfather,
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CardState;
    use crate::rules::dates::civil;

    #[test]
    fn every_demo_member_has_valid_facts_and_the_intended_state_on_many_days() {
        let mut day = civil(2025, 1, 1);
        while day <= civil(2029, 12, 31) {
            let statuses = demo_household(day).evaluate(day);
            let state = |id: &str| {
                statuses
                    .iter()
                    .find(|s| s.member_id == id)
                    .map(|s| s.card_state())
            };
            for member in demo_household(day).members {
                assert_eq!(member.facts.validate(), Ok(()), "{} on {day}", member.id);
            }
            assert_eq!(state("taro"), Some(CardState::RenewalWindow), "{day}");
            assert_eq!(state("hanako"), Some(CardState::Grace), "{day}");
            assert_eq!(state("sakura"), Some(CardState::Valid), "{day}");
            assert_eq!(state("ichiro"), Some(CardState::InvalidMoved), "{day}");
            day = plus_days(day, 13).unwrap_or(NaiveDate::MAX);
        }
    }
}
