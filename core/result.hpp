// A value or the error a spreadsheet user sees. std::expected would do, but clang 14 (the
// compiler of the libFuzzer build) cannot instantiate libstdc++ 12's <expected>, so this is
// the small part of it the core needs, on std::variant.
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace ca {

// The two outcomes a spreadsheet user can see: Err:502 and #N/A.
enum class Error { invalid_argument, not_available };

struct Failure {
    Error error;
};
inline Failure fail(Error e) {
    return {e};
}
inline Failure invalid() {
    return {Error::invalid_argument};
}
inline Failure not_available() {
    return {Error::not_available};
}

template <class T> class Result {
  public:
    // Constrained, so it never hides the copy and move constructors (clang-tidy 14 does not
    // read constraints).
    template <class U = T>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, Result>)
        Result(U&& value) // NOLINT
        : state_(std::in_place_index<0>, std::forward<U>(value)) {}
    Result(Failure f) : state_(std::in_place_index<1>, f.error) {}

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return std::get<0>(state_); }
    const T& operator*() const { return std::get<0>(state_); }
    T* operator->() { return &std::get<0>(state_); }
    const T* operator->() const { return &std::get<0>(state_); }
    Error error() const { return std::get<1>(state_); }

  private:
    std::variant<T, Error> state_;
};

} // namespace ca

// `auto name = expr;`, returning the failure from the enclosing function when expr failed:
// the one place the "if (!x) return fail(x.error())" of every entry point is written.
#define CA_TRY(name, ...)                                                                          \
    auto name = (__VA_ARGS__);                                                                     \
    if (!name) return ::ca::fail(name.error())
