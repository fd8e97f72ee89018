// Bullet symbols (•, ‣, ▪, ►, ...) that mark list items in scraped pages, shared by the
// tokenizer and the Markdown block parser so both agree on what a bullet is.
#pragma once

namespace dramatis::text {

inline bool is_bullet_symbol(char32_t cp) {
  switch (cp) {
    case 0x2022:
    case 0x2023:
    case 0x2043:
    case 0x2219:
    case 0x25A0:
    case 0x25A1:
    case 0x25AA:
    case 0x25AB:
    case 0x25B6:
    case 0x25B8:
    case 0x25BA:
    case 0x25CB:
    case 0x25CF:
    case 0x25E6:
    case 0x27A2: return true;
    default: return false;
  }
}

}  // namespace dramatis::text
