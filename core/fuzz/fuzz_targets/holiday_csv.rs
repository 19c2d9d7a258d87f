//! The Cabinet Office holiday list (R7): CP932 CSV parse, then the business-day
//! arithmetic over whatever list parsed.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use shikaku_core::rules::HolidayCalendar;

fuzz_target!(|data: &[u8]| {
    let Ok(calendar) = HolidayCalendar::parse_cabinet_office_csv(data) else {
        return;
    };
    if let Some((first, _)) = calendar.years()
        && let Some(day) = NaiveDate::from_ymd_opt(first, 1, 1)
    {
        if let Some(usable) = calendar.insurance_usable_from(day) {
            assert!(usable > day);
        }
        let _ = calendar.last_business_day_on_or_before(day);
    }
});
