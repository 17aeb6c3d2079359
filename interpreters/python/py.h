/* py.h — mtpy's objects: how a Python value is represented, what a type
 * provides, and the conventions every runtime function follows.  See
 * docs/python.md for the design.
 *
 * Values.  A py_val is one machine word: either a *small int* tagged in
 * the low bit (value << 1 | 1, 63 bits with the sign) or a pointer to an
 * object, which starts with its type.  Ints outside the small range are
 * py_long objects (GMP).  Everything is allocated from the collector.
 *
 * Errors.  A function that can fail returns NULL (a py_val or pointer
 * result) or -1 (an int result) with the exception set (py_err_set...);
 * the evaluator raises it.  A function that returns NULL without failing
 * says so in its comment (iteration: NULL without an exception is the end).
 */
#ifndef PY_H
#define PY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mt.h"

typedef struct py_type py_type;
typedef struct py_obj {
    const py_type *type;
} py_obj;
typedef py_obj *py_val;

/* ---- small ints ------------------------------------------------------------ */

#define PY_SMALL_MAX ((INT64_C(1) << 62) - 1)
#define PY_SMALL_MIN (-(INT64_C(1) << 62))
static inline bool py_is_small(const void *v) { return ((uintptr_t)v & 1) != 0; }
static inline int64_t py_small_value(const void *v) { return (int64_t)(intptr_t)v >> 1; }
static inline bool py_fits_small(int64_t n) { return n >= PY_SMALL_MIN && n <= PY_SMALL_MAX; }
/* n must fit (py_fits_small); py_int_from_i64 takes any int64. */
static inline py_val py_small(int64_t n) { return (py_val)(intptr_t)(int64_t)(((uint64_t)n << 1) | 1); }

/* ---- types ---------------------------------------------------------------- */

typedef struct py_str py_str;
typedef struct py_tuple py_tuple;
typedef struct py_dict py_dict;

/* Comparison operators, in the order of the compiler's COMPARE ops. */
typedef enum { PY_LT, PY_LE, PY_EQ, PY_NE, PY_GT, PY_GE } py_compare_op;

/* Binary operators, in the order of the compiler's BINARY ops; the
 * in-place ones follow at PY_INPLACE + op. */
#define PY_BINARY_OPS(X)                                                              \
    X(ADD, "+", "__add__") X(SUB, "-", "__sub__") X(MUL, "*", "__mul__")              \
    X(TRUEDIV, "/", "__truediv__") X(FLOORDIV, "//", "__floordiv__")                  \
    X(MOD, "%", "__mod__") X(POW, "**", "__pow__") X(LSHIFT, "<<", "__lshift__")       \
    X(RSHIFT, ">>", "__rshift__") X(AND, "&", "__and__") X(OR, "|", "__or__")          \
    X(XOR, "^", "__xor__") X(MATMUL, "@", "__matmul__")
typedef enum {
#define PY_BINOP_ENUM(name, symbol, dunder) PY_OP_##name,
    PY_BINARY_OPS(PY_BINOP_ENUM)
#undef PY_BINOP_ENUM
    PY_BINARY_COUNT
} py_binary_op;

/* A builtin function or method: receives the positional arguments and,
 * after them, the values of keyword arguments named by kwnames (NULL when
 * there are none).  `self` is the bound object for a method, else NULL. */
typedef py_val (*py_cfunc)(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);

typedef struct py_method_def {
    const char *name;
    py_cfunc fn;
} py_method_def;

/* What a type can do; NULL: it cannot (the generic operation raises the
 * TypeError CPython raises).  Binary slots may return py_not_implemented
 * to let the other operand try. */
struct py_type {
    py_obj head;
    const char *name;
    const py_type *base;        /* NULL for object */
    uint32_t flags;             /* PY_TYPE_* */
    py_val (*repr)(py_val self);
    py_val (*str)(py_val self); /* NULL: repr */
    int64_t (*hash)(py_val self); /* -1 on error; NULL: unhashable */
    py_val (*compare)(py_val a, py_val b, py_compare_op op);
    int (*truth)(py_val self);  /* NULL: true, or len != 0 */
    int64_t (*len)(py_val self);
    py_val (*iter)(py_val self);
    py_val (*next)(py_val self); /* NULL without an exception: exhausted */
    py_val (*getitem)(py_val self, py_val key);
    int (*setitem)(py_val self, py_val key, py_val value); /* value NULL: delete */
    int (*contains)(py_val self, py_val item);
    py_val (*call)(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);
    py_val (*binary[PY_BINARY_COUNT])(py_val a, py_val b);
    py_val (*inplace[PY_BINARY_COUNT])(py_val a, py_val b); /* NULL: the binary one */
    py_val (*neg)(py_val self), (*pos)(py_val self), (*invert)(py_val self), (*abs)(py_val self);
    py_val (*getattr)(py_val self, py_str *name); /* NULL: the methods only */
    /* obj.name = value (value NULL: del obj.name): 0, -1 with an exception,
     * or 1 when the type has no such settable attribute. NULL: none. */
    int (*setattr)(py_val self, py_str *name, py_val value);
    py_val (*new)(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames);
    const py_method_def *methods; /* {NULL, NULL}-terminated */
    py_dict *dict;                /* attributes, methods included (built lazily) */
};

enum {
    PY_TYPE_EXCEPTION = 1 << 0, /* BaseException or a subclass */
    PY_TYPE_BASETYPE = 1 << 1,  /* may be subclassed */
};

extern py_type py_type_type, py_object_type, py_none_type, py_bool_type, py_int_type,
    py_float_type, py_str_type, py_bytes_type, py_tuple_type, py_list_type, py_dict_type,
    py_set_type, py_frozenset_type, py_range_type, py_slice_type, py_function_type,
    py_builtin_type, py_method_type, py_code_type, py_frame_type, py_cell_type,
    py_module_type, py_notimplemented_type, py_ellipsis_type;

static inline const py_type *py_type_of(const void *v)
{
    return py_is_small(v) ? &py_int_type : ((const py_obj *)v)->type;
}
/* isinstance on a type: t is `type` or a subclass of it. */
bool py_type_is_subtype(const py_type *t, const py_type *type);
static inline bool py_isinstance(const void *v, const py_type *type)
{
    return py_type_of(v) == type || py_type_is_subtype(py_type_of(v), type);
}

/* ---- singletons and common objects ---------------------------------------------- */

extern py_obj py_none_obj, py_true_obj, py_false_obj, py_notimplemented_obj, py_ellipsis_obj;
#define py_none (&py_none_obj)
#define py_true (&py_true_obj)
#define py_false (&py_false_obj)
#define py_not_implemented (&py_notimplemented_obj)
#define py_ellipsis (&py_ellipsis_obj)
static inline py_val py_bool(bool b) { return b ? py_true : py_false; }

/* Strings: UTF-8 (lone surrogates as their 3-byte sequences, see
 * py_unicode.h), NUL-terminated; `length` counts code points. */
struct py_str {
    py_obj head;
    int64_t length, size;
    int64_t hash; /* -1: not computed yet */
    bool ascii;
    char data[];
};
/* New strs; py_str_intern gives the one str of that text. */
py_str *py_str_new(const char *data, size_t size);
py_str *py_str_from_cstr(const char *s);
py_str *py_str_intern(const char *s);
py_str *py_str_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct py_tuple {
    py_obj head;
    int64_t length;
    int64_t hash; /* -1: not computed yet */
    py_val items[];
};
py_tuple *py_tuple_new(size_t length); /* items to fill in */
py_tuple *py_tuple_from(const py_val *items, size_t length);
extern py_tuple py_empty_tuple;

typedef struct py_list {
    py_obj head;
    int64_t length, capacity;
    py_val *items;
} py_list;
py_list *py_list_new(size_t length); /* items to fill in */
int py_list_append(py_list *list, py_val item);

/* ---- generic operations (py_object.c): each follows Python's protocol ---- */

py_val py_repr(py_val v);
py_val py_to_str(py_val v);
int64_t py_hash(py_val v); /* -1 on error */
/* a == b as a C truth value; -1 on error. */
int py_equal(py_val a, py_val b);
py_val py_compare(py_val a, py_val b, py_compare_op op);
int py_truth(py_val v);
int64_t py_len(py_val v);
py_val py_iter(py_val v);
/* The next item; NULL with no exception set at the end. */
py_val py_next(py_val iterator);
py_val py_binary(py_val a, py_val b, py_binary_op op);
py_val py_inplace(py_val a, py_val b, py_binary_op op);
py_val py_getitem(py_val v, py_val key);
int py_setitem(py_val v, py_val key, py_val value);
int py_delitem(py_val v, py_val key);
int py_contains(py_val container, py_val item);
py_val py_getattr(py_val v, py_str *name);
py_val py_call(py_val callable, py_val *args, size_t nargs, py_tuple *kwnames);
/* The type name as Python error messages show it. */
const char *py_type_name(const void *v);

/* ---- ints (py_int.c) -------------------------------------------------------- */

py_val py_int_from_i64(int64_t n);
/* The int64 value of an int (small or big) when it fits: false if it does
 * not (no exception). */
bool py_int_as_i64(py_val v, int64_t *out);
/* An index (__index__: ints and bools); -1 with a TypeError otherwise,
 * OverflowError if it does not fit in an int64. */
int py_index(py_val v, int64_t *out);
/* The same for a C int argument (OverflowError "Python int too large to
 * convert to C int" outside its range). */
int py_index_c_int(py_val v, int *out);

/* ---- exceptions (py_exc.c) ---------------------------------------------------- */

/* The builtin exception types: X(name, base). */
#define PY_EXCEPTIONS(X) \
    X(BaseException, py_object_type) X(SystemExit, py_exc_BaseException) \
    X(KeyboardInterrupt, py_exc_BaseException) X(GeneratorExit, py_exc_BaseException) \
    X(Exception, py_exc_BaseException) X(StopIteration, py_exc_Exception) \
    X(ArithmeticError, py_exc_Exception) X(FloatingPointError, py_exc_ArithmeticError) \
    X(OverflowError, py_exc_ArithmeticError) X(ZeroDivisionError, py_exc_ArithmeticError) \
    X(AssertionError, py_exc_Exception) X(AttributeError, py_exc_Exception) \
    X(BufferError, py_exc_Exception) X(EOFError, py_exc_Exception) \
    X(ImportError, py_exc_Exception) X(ModuleNotFoundError, py_exc_ImportError) \
    X(LookupError, py_exc_Exception) X(IndexError, py_exc_LookupError) \
    X(KeyError, py_exc_LookupError) X(MemoryError, py_exc_Exception) \
    X(NameError, py_exc_Exception) X(UnboundLocalError, py_exc_NameError) \
    X(OSError, py_exc_Exception) X(FileNotFoundError, py_exc_OSError) \
    X(FileExistsError, py_exc_OSError) X(IsADirectoryError, py_exc_OSError) \
    X(NotADirectoryError, py_exc_OSError) X(PermissionError, py_exc_OSError) \
    X(ReferenceError, py_exc_Exception) X(RuntimeError, py_exc_Exception) \
    X(NotImplementedError, py_exc_RuntimeError) X(RecursionError, py_exc_RuntimeError) \
    X(SyntaxError, py_exc_Exception) X(IndentationError, py_exc_SyntaxError) \
    X(TabError, py_exc_IndentationError) X(SystemError, py_exc_Exception) \
    X(TypeError, py_exc_Exception) X(ValueError, py_exc_Exception) \
    X(UnicodeError, py_exc_ValueError) X(UnicodeDecodeError, py_exc_UnicodeError) \
    X(UnicodeEncodeError, py_exc_UnicodeError) X(Warning, py_exc_Exception)

#define PY_EXC_DECLARE(name, base) extern py_type py_exc_##name;
PY_EXCEPTIONS(PY_EXC_DECLARE)
#undef PY_EXC_DECLARE

typedef struct py_exception {
    py_obj head;
    py_tuple *args;
    py_val traceback;  /* a list of (code, line) entries, innermost last, or NULL */
    py_val cause, context; /* NULL or exceptions */
    bool suppress_context;
    py_val value;      /* StopIteration.value, SystemExit.code, OSError.filename */
    py_val name, obj;  /* NameError.name; AttributeError.name and .obj (NULL: None) */
} py_exception;

/* Set the current exception. */
void py_err_set(py_val exception);
/* A new `type` exception with args (msg,), set as current; returns NULL. */
void *py_err_format(const py_type *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void *py_err_no_memory(void);
/* The current exception, or NULL; py_err_take also clears it. */
py_val py_err_current(void);
py_val py_err_take(void);
bool py_err_matches(const py_type *type); /* the current one is a `type` */
py_val py_exception_new(const py_type *type, py_val *args, size_t nargs);

/* ==== the builtin types (py_str*.c, py_bytes.c, py_int.c, py_float.c,
 * py_tuple.c, py_list*.c, py_dict*.c, py_set.c, py_range.c, py_slice.c,
 * py_seq.c, py_builtin.c): what the evaluator and the builtins module use
 * beyond the declarations above. ==== */

#include "py_number.h"

/* Once, after mt_init and before any other py_ function but
 * py_memory_init (sets up GMP and the types' class methods). */
void py_types_init(void);
/* Before py_types_init, in a VM that raises MemoryError: take a reserve
 * of memory and handle failed allocations (py_memory.c).  One the reserve
 * covers succeeds and at_next_check is called, for the VM to raise
 * MemoryError at its next safe point; any other ends the process with
 * "out of memory".  Storage of objects too large to have is a MemoryError
 * at once, with or without this. */
void py_memory_init(void (*at_next_check)(void));

/* Nesting of C-level recursion (repr and == of nested containers):
 * enter fails with RecursionError "maximum recursion depth exceeded<where>"
 * past py_recursion_limit levels; each successful enter has its leave. */
extern int64_t py_recursion_limit;
int py_recursion_enter(const char *where);
void py_recursion_leave(void);

/* ---- builtin functions and arguments (py_builtin.c) ---- */

/* A builtin function (self NULL: "<built-in function len>") or a method
 * bound to self. */
py_val py_builtin_new(const py_method_def *def, py_val self);

/* Argument checks with CPython's TypeErrors; false with the exception set.
 * `name` is what the messages call the function. */
bool py_args_no_keywords(const char *name, py_tuple *kwnames); /* "f() takes no keyword arguments" */
bool py_args_none(const char *name, size_t nargs, py_tuple *kwnames); /* "f() takes no arguments (1 given)" */
bool py_args_one(const char *name, size_t nargs, py_tuple *kwnames); /* "f() takes exactly one argument (2 given)" */
/* Argument Clinic's positional-only check, name "list.pop": "pop expected
 * at most 1 argument, got 2" ("list.pop() takes no keyword arguments"). */
bool py_args_count(const char *name, size_t nargs, py_tuple *kwnames, size_t min, size_t max);
/* PyArg_ParseTuple's: "find() takes at least 1 argument (0 given)". */
bool py_args_tuple(const char *name, size_t nargs, py_tuple *kwnames, size_t min, size_t max);

/* Parameters that may be given by keyword (Argument Clinic's messages:
 * "'x' is an invalid keyword argument for split()", "f() missing required
 * argument 'x' (pos 1)", ...). */
typedef struct py_params {
    const char *name;         /* the function as messages name it: "split" */
    const char *const *names; /* each parameter's name */
    size_t count;             /* parameters */
    size_t positional_only;   /* the first ones cannot be given by keyword */
    size_t positional;        /* the first ones can be given by position (the rest are keyword-only) */
    size_t required;          /* the first ones have no default */
} py_params;
/* out[i]: the argument for parameter i, NULL when not given. */
bool py_args_parse(const py_params *params, py_val *args, size_t nargs, py_tuple *kwnames, py_val *out);

/* ---- attributes (py_builtin.c) ---- */

/* (py_getattr: a getattr slot that returns NULL without an exception lets
 * the lookup go on to the type's methods and attributes.)
 * The AttributeError py_getattr raises ("'list' object has no attribute
 * 'x'", "type object 'int' has no attribute 'x'"); NULL. */
py_val py_attribute_error(py_val v, py_str *name);
/* The name the traceback suggests for an AttributeError ("Did you mean:
 * 'append'?"), or NULL; py_suggest_name is the same rule over any names
 * (NameError's suggestions), in the order given. */
py_str *py_attribute_suggestion(py_val v, py_str *name);
py_str *py_suggest_name(py_str *name, py_str *const *candidates, size_t count);
/* dir() of an object of type `type`, sorted. */
py_list *py_dir_of_type(const py_type *type);
/* The method `name` of a type or its bases (NULL if it has none): what a
 * method call can call without making a bound method. */
const py_method_def *py_type_method(const py_type *type, py_str *name);

/* ---- numbers (py_int.c, py_float.c) ---- */

typedef struct py_float {
    py_obj head;
    double value;
} py_float;
py_val py_float_new(double x);
/* int(a) as a value (small when it fits) and the value of an int or bool. */
py_val py_int_new(py_int a);
py_int py_int_value(py_val v);
/* pow(base, exp, mod) (mod None: base ** exp), divmod(a, b), round(x) and
 * round(x, ndigits) (ndigits NULL or None: round(x)). */
py_val py_pow3(py_val base, py_val exp, py_val mod);
py_val py_divmod(py_val a, py_val b);
py_val py_round(py_val x, py_val ndigits);
/* bin() / oct() / hex(): base 2, 8 or 16 with its prefix. */
py_val py_int_in_base(py_val v, int base);

/* ---- strs (py_str*.c) ---- */

/* chr(cp) (cp <= 0x10FFFF; the ones below 256 are shared). */
py_str *py_str_from_code_point(uint32_t cp);
/* ascii(v): repr(v) with non-ASCII characters escaped. */
py_val py_ascii(py_val v);
/* The strs one after the other (f-strings' BUILD_STRING). */
py_str *py_str_concat(py_str *const *parts, size_t count);
/* format(v, spec) (f-string fields): int, float and str by the format-spec
 * mini-language, other objects str(v) when spec is empty, else TypeError
 * "unsupported format string passed to list.__format__". */
py_val py_format_value(py_val v, py_str *spec);

/* ---- lists and unpacking (py_list*.c, py_seq.c) ---- */

/* list.extend(iterable) / list.sort(key=key or NULL, reverse=reverse). */
int py_list_extend(py_list *list, py_val iterable);
int py_list_sort(py_list *list, py_val key, bool reverse);
/* `a, b, c = iterable`: exactly n items into out, or CPython's ValueError
 * ("not enough values to unpack (expected 3, got 2)", "too many values to
 * unpack (expected 2)") or TypeError ("cannot unpack non-iterable int
 * object"). */
int py_unpack(py_val iterable, py_val *out, size_t n);
/* `a, *b, c = iterable`: `before` items, a list of the middle ones, then
 * `after` items into out[0 .. before+after] ("not enough values to unpack
 * (expected at least 2, got 1)"). */
int py_unpack_starred(py_val iterable, py_val *out, size_t before, size_t after);

/* ---- dicts (py_dict.c): insertion-ordered ---- */

py_dict *py_dict_new(void);
/* The value for key; NULL without an exception when it is missing, with
 * one when the key is unhashable or == raised. */
py_val py_dict_get(py_dict *dict, py_val key);
int py_dict_set(py_dict *dict, py_val key, py_val value);
/* Delete key; -1 with KeyError(key) if missing. */
int py_dict_del(py_dict *dict, py_val key);
int64_t py_dict_len(const py_dict *dict);
/* The next (key, value) in order from *pos (start at 0); false at the end. */
bool py_dict_next(const py_dict *dict, int64_t *pos, py_val *key, py_val *value);
/* dict.update(other): a dict or an iterable of pairs. */
int py_dict_update(py_dict *dict, py_val other);

/* reversed(seq): lists, ranges, dicts and their views, and any sequence
 * with len() and [i]; TypeError "'set' object is not reversible". */
py_val py_reversed(py_val seq);

/* ---- sets (py_set.c), slices (py_slice.c) ---- */

/* A new empty set (frozen: a frozenset, to fill before it is shared). */
py_val py_set_new(bool frozen);
int py_set_add(py_val set, py_val key);
py_val py_slice_new(py_val start, py_val stop, py_val step);

#endif
