// Every core entry point an add-in function calls (idl/functions.toml names them): the one
// header the generated adapters need.
#pragma once

#include "fans.hpp"
#include "sales_trend.hpp"
#include "touch_win.hpp"
#include "touches_before.hpp"
#include "touchpoints.hpp"
#include "winrate.hpp"
