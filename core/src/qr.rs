//! QR codes (qrcode crate) as SVG and as a module matrix a shell draws natively, and read
//! back from a camera's picture (rqrr), so that every shell reads a code the same way.
//! Uses:
//! the マイナポータル entry URL, for members who read this on a PC and continue on their
//! phone (R8's download path), and the household transfer code
//! ([`crate::household::transfer`]).

use qrcode::{EcLevel, QrCode};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Reason, Result};

/// Where members log in to download their 資格情報.
pub const MYNAPORTAL_URL: &str = "https://myna.go.jp/";

/// The most text a code carries here (a transfer code is well below).
pub const MAX_QR_PAYLOAD_BYTES: usize = 2048;

/// A QR code as rows of modules, dark = true, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct QrMatrix {
    /// Modules per side.
    pub size: u32,
    /// Row by row, `size × size` values.
    pub modules: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn is_dark(&self, x: u32, y: u32) -> bool {
        x < self.size
            && y < self.size
            && self
                .modules
                .get((y * self.size + x) as usize)
                .copied()
                .unwrap_or(false)
    }
}

fn too_long() -> Error {
    Error::invalid(
        Field::QrText,
        Reason::TooLongForQr {
            max_bytes: MAX_QR_PAYLOAD_BYTES as u32,
        },
    )
}

fn code(payload: &str) -> Result<QrCode> {
    if payload.is_empty() {
        return Err(Error::invalid(Field::QrText, Reason::Required));
    }
    if payload.len() > MAX_QR_PAYLOAD_BYTES {
        return Err(too_long());
    }
    QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).map_err(|_| too_long())
}

/// The QR code of `payload` as a module matrix.
pub fn qr_matrix(payload: &str) -> Result<QrMatrix> {
    let code = code(payload)?;
    let size = u32::try_from(code.width()).unwrap_or(0);
    let modules = code
        .to_colors()
        .into_iter()
        .map(|color| color == qrcode::Color::Dark)
        .collect();
    Ok(QrMatrix { size, modules })
}

/// The QR code of `payload` as an SVG document (with a quiet zone).
pub fn qr_svg(payload: &str) -> Result<String> {
    Ok(code(payload)?
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// The largest picture read for a code: 4096 × 4096 grey pixels.
pub const MAX_QR_PICTURE_PIXELS: usize = 4096 * 4096;

/// The text of the QR code in a picture: `width` × `height` grey levels (0 black,
/// 255 white), row by row, as a camera took it. A picture without a readable code,
/// or whose size does not match its pixels, is refused.
pub fn read_qr_code(width: u32, height: u32, luma: &[u8]) -> Result<String> {
    let picture = |reason| Error::invalid(Field::CameraPicture, reason);
    let (width, height) = (width as usize, height as usize);
    if luma.len() > MAX_QR_PICTURE_PIXELS {
        return Err(picture(Reason::TooLarge {
            max_bytes: MAX_QR_PICTURE_PIXELS as u64,
        }));
    }
    if width.checked_mul(height) != Some(luma.len()) || luma.is_empty() {
        return Err(picture(Reason::NoQrCode));
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        luma.get(y * width + x).copied().unwrap_or(255)
    });
    image
        .detect_grids()
        .iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .ok_or_else(|| picture(Reason::NoQrCode))
}
