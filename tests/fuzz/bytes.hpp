// Cells from a fuzzer's bytes: empty cells, numbers including NaN, infinities and huge
// serials, texts including dates, era dates, codes and keys of every width, and raw bytes.
// Shared by the fuzz targets.
#pragma once

#include "cells.hpp"

#include <cstring>
#include <limits>

namespace ca::fuzz {

class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}
    bool empty() const { return p_ == end_; }
    std::uint8_t byte() { return empty() ? 0 : *p_++; }
    double number() {
        switch (byte() % 8) {
        case 0:
            return std::numeric_limits<double>::quiet_NaN();
        case 1:
            return std::numeric_limits<double>::infinity();
        case 2:
            return -1e300;
        case 3:
            return 45000 + byte() * 7.5; // dates around 2023
        case 4:
            return byte() % 4; // 0..3: outcomes, small counts
        default: {
            double d = 0;
            std::uint8_t raw[sizeof d] = {};
            for (auto& b : raw)
                b = byte();
            std::memcpy(&d, raw, sizeof d);
            return d;
        }
        }
    }
    std::string text() {
        static const char* words[] = {"2024-04-01",
                                      "2024/4/1",
                                      "2024年4月1日",
                                      "won",
                                      "lost",
                                      "受注",
                                      "fy",
                                      "fq13",
                                      "month",
                                      "年度",
                                      "ja",
                                      "linear",
                                      "theilsen",
                                      "yoy",
                                      "cagr",
                                      "mk_p",
                                      "tau",
                                      "partner",
                                      "距離",
                                      " A ",
                                      "a",
                                      "令和6年4月1日",
                                      "令和元年5月1日",
                                      "R06.04.01",
                                      "H31.5.1",
                                      "Ｒ６．４．１",
                                      "ｈ31/4/30",
                                      "２０２４／４／１",
                                      "ＡＢＣ商事",
                                      "abc商事　",
                                      "ｶﾌﾞｼｷ",
                                      "カブシキ",
                                      "Date",
                                      "日付",
                                      "受注済み",
                                      "見送り",
                                      "ＷＯＮ",
                                      "明治45年7月29日",
                                      "令和999年1月1日"};
        const std::uint8_t pick = byte();
        if (pick < 200) return words[pick % (sizeof words / sizeof *words)];
        std::string s;
        for (std::uint8_t n = byte() % 16; n > 0 && !empty(); --n)
            s.push_back(static_cast<char>(byte()));
        return s;
    }
    Cell cell() {
        switch (byte() % 3) {
        case 0:
            return {};
        case 1:
            return Cell::of(number());
        default:
            return Cell::of(text());
        }
    }
    Column column(std::size_t rows) {
        Column c;
        for (std::size_t i = 0; i < rows; ++i)
            c.push_back(cell());
        return c;
    }

  private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

} // namespace ca::fuzz
