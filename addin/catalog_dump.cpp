// Prints the function table as JSON, so that tests and the docs generator read the very
// texts the Function Wizard shows.
#include "catalog.hpp"

#include <iostream>
#include <string>

namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out + '"';
}

// "key": {"en": ..., "ja": ...}
std::string text(std::string_view key, const ca::catalog::Text& t) {
    return quoted(key) + ": {\"en\": " + quoted(t.en) + ", \"ja\": " + quoted(t.ja) + "}";
}

const char* boolean(bool b) {
    return b ? "true" : "false";
}

} // namespace

int main() {
    std::cout << "{\"service\": " << quoted(ca::catalog::service) << ", \"functions\": [\n";
    bool first = true;
    for (const auto& f : ca::catalog::functions()) {
        std::cout << (first ? "" : ",\n") << "{\"method\": " << quoted(f.method)
                  << ", \"display\": " << quoted(f.display) << ", "
                  << text("description", f.description) << ", \"arguments\": [";
        first = false;
        for (std::size_t i = 0; i < f.arguments.size(); ++i) {
            const auto& a = f.arguments[i];
            std::cout << (i ? ", " : "") << "{" << text("name", a.name) << ", "
                      << text("description", a.description) << ", \"role\": " << quoted(a.role)
                      << ", \"optional\": " << boolean(a.optional)
                      << ", \"repeated\": " << boolean(a.repeated)
                      << ", \"reference\": " << boolean(a.reference) << "}";
        }
        std::cout << "]}";
    }
    std::cout << "\n]}\n";
}
