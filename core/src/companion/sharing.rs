//! QR codes and moving a member to another device on the Companion: member codes that
//! expire, with insurance numbers sealed under a one-time code (R10: no マイナンバー
//! travels).

use chrono::{DateTime, Utc};

use super::ShikakuCompanion;
use crate::error::{Result, ShikakuError};
use crate::household::Member;
use crate::household::transfer::{
    MemberShare, TransferCodeInfo, decode_member, encode_member, inspect_code,
};
use crate::qr::{QrMatrix, qr_matrix, qr_svg, read_qr_code};
use crate::view::member_code_valid_until;

#[cfg_attr(feature = "ffi", uniffi::export)]
impl ShikakuCompanion {
    /// A QR code as a module matrix for the shell to draw.
    pub fn qr(&self, payload: String) -> Result<QrMatrix, ShikakuError> {
        Ok(qr_matrix(&payload)?)
    }

    /// A QR code as an SVG document.
    pub fn qr_svg(&self, payload: String) -> Result<String, ShikakuError> {
        Ok(qr_svg(&payload)?)
    }

    /// The text of the QR code in a camera's picture: `width` × `height` grey levels
    /// (0 black, 255 white), row by row. A picture without a readable code is refused.
    pub fn read_qr_code(
        &self,
        width: u32,
        height: u32,
        luma: Vec<u8>,
    ) -> Result<String, ShikakuError> {
        Ok(read_qr_code(width, height, &luma)?)
    }

    /// A code that moves a member to another device, valid for 30 minutes: the QR
    /// code's text, and — when `include_insurance_numbers` is set and the member has
    /// them — the one-time code the sending screen shows beside the QR code, for the
    /// receiver to type (the numbers travel sealed under it).
    pub fn share_member(
        &self,
        member_id: String,
        include_insurance_numbers: bool,
    ) -> Result<MemberShare, ShikakuError> {
        let draft = self.store().member(&member_id)?.to_draft();
        Ok(encode_member(
            &draft,
            include_insurance_numbers,
            self.now(),
        )?)
    }

    /// What a scanned member code is, before it is received: whether the receiving
    /// screen must ask for the one-time code shown on the sending device, and until when
    /// the code holds. A damaged, expired or foreign code is refused here already.
    pub fn inspect_member_code(&self, code: String) -> Result<TransferCodeInfo, ShikakuError> {
        Ok(inspect_code(&code, self.now())?)
    }

    /// Until when a member code can be received, worded for the screens that show or read
    /// it: `expires_at` of [`Self::share_member`] or [`Self::inspect_member_code`], as the
    /// day and minute in Japan time.
    pub fn member_code_valid_until(&self, expires_at: DateTime<Utc>) -> String {
        self.with_words(|words, _| member_code_valid_until(words, expires_at))
    }

    /// Adds the member a code from another device carries; `one_time_code` is the code
    /// shown beside the QR code on the sending device, as the receiver typed it (needed
    /// when [`Self::inspect_member_code`] says so).
    pub fn receive_member(
        &self,
        code: String,
        one_time_code: Option<String>,
    ) -> Result<Member, ShikakuError> {
        let draft = decode_member(&code, one_time_code.as_deref(), self.now())?;
        self.add_member(draft)
    }
}
