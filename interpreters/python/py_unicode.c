/* py_unicode.c — questions about one code point, answered from the
 * generated tables (py_unicode_db.c): category, properties, digit values
 * and case mappings.
 */
#include "config.h"

#include "py_unicode_db.h"

static const py_ucd_props unassigned_props = {0, PY_UCD_Cn, -1};
static const py_ucd_case unmapped_case = {{0, 0, 0, 0}, 0};

static const py_ucd_props *props_of(uint32_t cp)
{
    return cp <= PY_UNICODE_MAX ? py_ucd_props_of(cp) : &unassigned_props;
}

py_ucd_category py_ucd_category_of(uint32_t cp) { return (py_ucd_category)props_of(cp)->category; }

const char *py_ucd_category_name(py_ucd_category category)
{
    static const char names[PY_UCD_CATEGORIES][3] = {
        "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
        "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
    };
    return (unsigned)category < PY_UCD_CATEGORIES ? names[category] : "Cn";
}

unsigned py_ucd_properties(uint32_t cp) { return props_of(cp)->flags; }

int py_ucd_digit(uint32_t cp) { return props_of(cp)->digit; }

int py_ucd_decimal(uint32_t cp)
{
    const py_ucd_props *props = props_of(cp);
    return props->flags & PY_UCD_DECIMAL ? props->digit : -1;
}

size_t py_ucd_full_case(uint32_t cp, py_case_kind kind, uint32_t out[PY_CASE_MAX])
{
    const py_ucd_case *mapping = cp <= PY_UNICODE_MAX ? py_ucd_case_of(cp) : &unmapped_case;
    if (!mapping->long_index) {
        out[0] = (uint32_t)((int32_t)cp + mapping->delta[kind]);
        return 1;
    }
    const uint32_t *chars = py_ucd_long_cases[mapping->long_index - 1].map[kind];
    size_t length = 0;
    while (length < PY_CASE_MAX && chars[length]) {
        out[length] = chars[length];
        length++;
    }
    return length;
}

uint32_t py_ucd_simple_case(uint32_t cp, py_case_kind kind)
{
    uint32_t full[PY_CASE_MAX];
    py_ucd_full_case(cp, kind, full);
    return full[0];
}
