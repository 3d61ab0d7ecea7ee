/* listenwell._speedups: the matcher's per-token loops in C, with the same results as the Python code they mirror.
 *
 * Optional: the build compiles it when a C compiler is at hand (hatch_build.py), and listenwell uses the Python
 * loops in _matching.py whenever this module is missing or its ABI number differs from the one _matching.py
 * expects. Each function here names the Python code it mirrors; tests/test_speedups.py runs both over the
 * evaluation data and fuzzed text and requires equal results. Only the CPython C API is used (no Cython).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define SPEEDUPS_ABI 7

/* A window holding later pieces of phrases, kept until the first pieces found are known. */
typedef struct {
    Py_ssize_t start, end;
    PyObject *pieces; /* the split's ``later``: ((ident, piece), ...), a new reference */
} LaterWindow;

/* (start, end, obj) as a new tuple; ``start`` and ``end`` are the caller's int objects */
static PyObject *
triple(PyObject *start, PyObject *end, PyObject *obj)
{
    PyObject *t = PyTuple_New(3);
    if (t == NULL)
        return NULL;
    Py_INCREF(start);
    Py_INCREF(end);
    Py_INCREF(obj);
    PyTuple_SET_ITEM(t, 0, start);
    PyTuple_SET_ITEM(t, 1, end);
    PyTuple_SET_ITEM(t, 2, obj);
    return t;
}

/* The sieve of windows (``find``'s optional ``sieve``): bits of a table of 2**k bits, two per coded string, set
 * for every literal and every prefix of one. A window whose two bits are not both set is neither a literal nor the
 * start of a longer one: ``window(text)`` would read it as (None, False), so the loop stops there without reading
 * ``windows`` or calling it. Both bits come from one FNV-1a hash over the string's code points, extended one
 * character at a time, so each window of a token costs only the characters it adds. */
#define SIEVE_OFFSET 14695981039346656037ULL
#define SIEVE_PRIME 1099511628211ULL

static inline unsigned long long
sieve_step(unsigned long long h, Py_UCS4 ch)
{
    return (h ^ (unsigned long long)ch) * SIEVE_PRIME;
}

static inline int
sieve_has(const unsigned char *bits, unsigned long long mask, unsigned long long h)
{
    unsigned long long a = h & mask, b = (h >> 32 ^ h >> 7) & mask;
    return (bits[a >> 3] >> (a & 7) & 1) && (bits[b >> 3] >> (b & 7) & 1);
}

static inline void
sieve_set(unsigned char *bits, unsigned long long mask, unsigned long long h)
{
    unsigned long long a = h & mask, b = (h >> 32 ^ h >> 7) & mask;
    bits[a >> 3] |= (unsigned char)(1u << (a & 7));
    bits[b >> 3] |= (unsigned char)(1u << (b & 7));
}

/* sieve(literals, k) -> bytes of 2**k bits: every literal (a str) and each of its prefixes marked (see above) */
static PyObject *
speedups_sieve(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "sieve(literals, k)");
        return NULL;
    }
    long k = PyLong_AsLong(args[1]);
    if (k == -1 && PyErr_Occurred())
        return NULL;
    if (k < 3 || k > 32) {
        PyErr_SetString(PyExc_ValueError, "sieve(): k must be between 3 and 32");
        return NULL;
    }
    unsigned long long nbits = 1ULL << k, mask = nbits - 1;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(nbits >> 3));
    if (out == NULL)
        return NULL;
    unsigned char *bits = (unsigned char *)PyBytes_AS_STRING(out);
    memset(bits, 0, (size_t)(nbits >> 3));
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    PyObject *literal;
    while ((literal = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(literal)) {
            Py_DECREF(literal);
            Py_DECREF(it);
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "sieve(): literals must be str");
            return NULL;
        }
        int kind = PyUnicode_KIND(literal);
        const void *data = PyUnicode_DATA(literal);
        unsigned long long h = SIEVE_OFFSET;
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(literal); j++) {
            h = sieve_step(h, PyUnicode_READ(kind, data, j));
            sieve_set(bits, mask, h);
        }
        Py_DECREF(literal);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* find(norms, heads, windows, window, unknown[, sieve]) -> (found, firsts, later)
 *
 * Mirrors the loop of RuleMatcher._find: the norms coded as one character each, then at each token the windows of
 * the literal lengths its first character starts, shortest first; each window's entry is read from ``windows`` or
 * made by calling ``window(text)``. ``heads`` gives both per norm in one lookup (``_Patterns.heads``: norm -> (its
 * code, the literal lengths its code starts, shortest first); a norm it lacks codes as ``unknown`` and starts
 * none). ``found`` gets (start, end, key) for each whole-phrase key, ``firsts`` (start, end, split) for a literal
 * holding first pieces, ``later`` {(ident, piece): [(start, end), ...]} for the later pieces of the phrases whose
 * first pieces were found (the Python loop keeps every later piece; chaining reads only these, so the hits are the
 * same). ``sieve`` (bytes from ``sieve``, or None) stops at a window no literal is or starts with, as ``window``
 * would, before the dict lookup and the call.
 */
static PyObject *
speedups_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5 && nargs != 6) {
        PyErr_SetString(PyExc_TypeError, "find() takes 5 or 6 arguments");
        return NULL;
    }
    PyObject *norms = args[0], *heads = args[1], *windows = args[2], *make = args[3], *unknown = args[4];
    if (!PyDict_CheckExact(heads) || !PyDict_CheckExact(windows)) {
        PyErr_SetString(PyExc_TypeError, "find(): heads and windows must be dicts");
        return NULL;
    }
    const unsigned char *sieve = NULL;
    unsigned long long sieve_mask = 0;
    if (nargs == 6 && args[5] != Py_None) {
        Py_ssize_t nbytes = PyBytes_Check(args[5]) ? PyBytes_GET_SIZE(args[5]) : 0;
        if (nbytes < 1 || (nbytes & (nbytes - 1)) != 0) {
            PyErr_SetString(PyExc_TypeError, "find(): sieve must be bytes of a power-of-two length");
            return NULL;
        }
        sieve = (const unsigned char *)PyBytes_AS_STRING(args[5]);
        sieve_mask = (unsigned long long)nbytes * 8 - 1;
    }
    PyObject *seq = PySequence_Fast(norms, "find(): norms must be a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    PyObject **sizes_at = PyMem_Calloc(count ? (size_t)count : 1, sizeof(PyObject *)); /* new references */
    PyObject **first_idents = NULL; /* borrowed: the splits that hold them stay in ``firsts`` */
    Py_ssize_t nidents = 0, idents_cap = 0;
    PyObject *text = NULL, *parts = NULL, *found = NULL, *firsts = NULL, *later = NULL, *idents = NULL;
    PyObject *window = NULL, *entry = NULL, *item = NULL;
    PyObject *start_obj = NULL, *end_obj = NULL;
    LaterWindow *pending = NULL;
    Py_ssize_t npending = 0, cap = 0;
    if (sizes_at == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    if ((parts = PyList_New(count)) == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *code = unknown;
        PyObject *head = PyDict_GetItemWithError(heads, PySequence_Fast_GET_ITEM(seq, i)); /* borrowed */
        if (head == NULL) {
            if (PyErr_Occurred())
                goto error;
        }
        else {
            if (!PyTuple_CheckExact(head) || PyTuple_GET_SIZE(head) != 2 || !PyTuple_Check(PyTuple_GET_ITEM(head, 1))) {
                PyErr_SetString(PyExc_TypeError, "find(): heads must map to (code, lengths) tuples");
                goto error;
            }
            code = PyTuple_GET_ITEM(head, 0);
            PyObject *sizes = PyTuple_GET_ITEM(head, 1);
            if (PyTuple_GET_SIZE(sizes) > 0) {
                Py_INCREF(sizes);
                sizes_at[i] = sizes;
            }
        }
        Py_INCREF(code);
        PyList_SET_ITEM(parts, i, code);
    }
    {
        PyObject *empty = PyUnicode_FromStringAndSize("", 0);
        if (empty == NULL)
            goto error;
        text = PyUnicode_Join(empty, parts);
        Py_DECREF(empty);
        if (text == NULL)
            goto error;
    }
    Py_CLEAR(parts);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n != count) {
        PyErr_SetString(PyExc_ValueError, "find(): each code must be one character");
        goto error;
    }
    int text_kind = PyUnicode_KIND(text);
    const void *text_data = PyUnicode_DATA(text);
    found = PyList_New(0);
    firsts = PyList_New(0);
    later = PyDict_New();
    if (found == NULL || firsts == NULL || later == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *sizes = sizes_at[i];
        if (sizes == NULL)
            continue;
        start_obj = PyLong_FromSsize_t(i);
        if (start_obj == NULL)
            goto error;
        Py_ssize_t nsizes = PyTuple_GET_SIZE(sizes);
        unsigned long long hash = SIEVE_OFFSET;
        Py_ssize_t hashed = i; /* the sieve's hash covers text[i:hashed] */
        for (Py_ssize_t s = 0; s < nsizes; s++) {
            Py_ssize_t size = PyLong_AsSsize_t(PyTuple_GET_ITEM(sizes, s));
            if (size == -1 && PyErr_Occurred())
                goto error;
            Py_ssize_t end = i + size;
            if (end > n)
                break;
            if (sieve != NULL) {
                for (; hashed < end; hashed++)
                    hash = sieve_step(hash, PyUnicode_READ(text_kind, text_data, hashed));
                if (!sieve_has(sieve, sieve_mask, hash))
                    break; /* neither a literal nor the start of one: (None, False) */
            }
            window = PyUnicode_Substring(text, i, end);
            if (window == NULL)
                goto error;
            entry = PyDict_GetItemWithError(windows, window);
            if (entry != NULL)
                Py_INCREF(entry);
            else if (PyErr_Occurred())
                goto error;
            else if ((entry = PyObject_CallOneArg(make, window)) == NULL)
                goto error;
            Py_CLEAR(window);
            if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 2) {
                PyErr_SetString(PyExc_TypeError, "find(): a window's entry must be a (split, more) tuple");
                goto error;
            }
            PyObject *split = PyTuple_GET_ITEM(entry, 0);
            if (split != Py_None) {
                if (!PyTuple_Check(split) || PyTuple_GET_SIZE(split) != 4 || !PyTuple_Check(PyTuple_GET_ITEM(split, 0))
                    || !PyTuple_Check(PyTuple_GET_ITEM(split, 1)) || !PyAnySet_Check(PyTuple_GET_ITEM(split, 2))
                    || !PyTuple_Check(PyTuple_GET_ITEM(split, 3))) {
                    PyErr_SetString(PyExc_TypeError, "find(): a split must be (singles, firsts, idents, later)");
                    goto error;
                }
                end_obj = PyLong_FromSsize_t(end);
                if (end_obj == NULL)
                    goto error;
                PyObject *singles = PyTuple_GET_ITEM(split, 0);
                for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(singles); k++) {
                    item = triple(start_obj, end_obj, PyTuple_GET_ITEM(singles, k));
                    if (item == NULL || PyList_Append(found, item) < 0)
                        goto error;
                    Py_CLEAR(item);
                }
                if (PyTuple_GET_SIZE(PyTuple_GET_ITEM(split, 1)) > 0) {
                    item = triple(start_obj, end_obj, split);
                    if (item == NULL || PyList_Append(firsts, item) < 0)
                        goto error;
                    Py_CLEAR(item); /* ``firsts`` holds the split, and so its idents */
                    if (nidents == idents_cap) {
                        Py_ssize_t grown = idents_cap ? idents_cap * 2 : 16;
                        PyObject **more = PyMem_Realloc(first_idents, (size_t)grown * sizeof(PyObject *));
                        if (more == NULL) {
                            PyErr_NoMemory();
                            goto error;
                        }
                        first_idents = more;
                        idents_cap = grown;
                    }
                    first_idents[nidents++] = PyTuple_GET_ITEM(split, 2);
                }
                PyObject *pieces = PyTuple_GET_ITEM(split, 3);
                if (PyTuple_GET_SIZE(pieces) > 0) {
                    if (npending == cap) {
                        Py_ssize_t grown = cap ? cap * 2 : 32;
                        LaterWindow *more = PyMem_Realloc(pending, (size_t)grown * sizeof(LaterWindow));
                        if (more == NULL) {
                            PyErr_NoMemory();
                            goto error;
                        }
                        pending = more;
                        cap = grown;
                    }
                    Py_INCREF(pieces);
                    pending[npending].start = i;
                    pending[npending].end = end;
                    pending[npending].pieces = pieces;
                    npending++;
                }
                Py_CLEAR(end_obj);
            }
            int more = PyObject_IsTrue(PyTuple_GET_ITEM(entry, 1));
            Py_CLEAR(entry);
            if (more < 0)
                goto error;
            if (!more)
                break;
        }
        Py_CLEAR(start_obj);
    }
    /* The idents of the first pieces found, only when some later piece waits on them: one first-piece literal's own
     * set, else their union (a union of large sets costs more than all the tests it serves, so it is made last). */
    if (npending > 0 && nidents == 1) {
        idents = first_idents[0];
        Py_INCREF(idents);
    }
    else if (npending > 0 && nidents > 1) {
        if ((idents = PySet_New(NULL)) == NULL)
            goto error;
        for (Py_ssize_t k = 0; k < nidents; k++) {
            PyObject *updated = PyNumber_InPlaceOr(idents, first_idents[k]);
            if (updated == NULL)
                goto error;
            Py_DECREF(updated); /* the same set */
        }
    }
    /* the later pieces of the phrases whose first pieces were found, in the order found */
    for (Py_ssize_t w = 0; w < npending && idents != NULL; w++) {
        PyObject *pieces = pending[w].pieces;
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(pieces); k++) {
            PyObject *piece = PyTuple_GET_ITEM(pieces, k);
            if (!PyTuple_Check(piece) || PyTuple_GET_SIZE(piece) != 2) {
                PyErr_SetString(PyExc_TypeError, "find(): a later piece must be (ident, piece)");
                goto error;
            }
            int wanted = PySet_Contains(idents, PyTuple_GET_ITEM(piece, 0));
            if (wanted < 0)
                goto error;
            if (!wanted)
                continue;
            PyObject *spans = PyDict_GetItemWithError(later, piece); /* borrowed */
            if (spans == NULL) {
                if (PyErr_Occurred())
                    goto error;
                spans = PyList_New(0);
                if (spans == NULL)
                    goto error;
                if (PyDict_SetItem(later, piece, spans) < 0) {
                    Py_DECREF(spans);
                    goto error;
                }
                Py_DECREF(spans); /* the dict holds it */
            }
            item = Py_BuildValue("(nn)", pending[w].start, pending[w].end);
            if (item == NULL || PyList_Append(spans, item) < 0)
                goto error;
            Py_CLEAR(item);
        }
    }
    for (Py_ssize_t w = 0; w < npending; w++)
        Py_DECREF(pending[w].pieces);
    PyMem_Free(pending);
    for (Py_ssize_t i = 0; i < count; i++)
        Py_XDECREF(sizes_at[i]);
    PyMem_Free(sizes_at);
    PyMem_Free(first_idents);
    Py_XDECREF(idents);
    Py_DECREF(text);
    Py_DECREF(seq);
    return Py_BuildValue("(NNN)", found, firsts, later);

error:
    for (Py_ssize_t w = 0; w < npending; w++)
        Py_DECREF(pending[w].pieces);
    PyMem_Free(pending);
    if (sizes_at != NULL) {
        for (Py_ssize_t i = 0; i < count; i++)
            Py_XDECREF(sizes_at[i]);
        PyMem_Free(sizes_at);
    }
    PyMem_Free(first_idents);
    Py_XDECREF(item);
    Py_XDECREF(window);
    Py_XDECREF(entry);
    Py_XDECREF(start_obj);
    Py_XDECREF(end_obj);
    Py_XDECREF(parts);
    Py_XDECREF(found);
    Py_XDECREF(firsts);
    Py_XDECREF(later);
    Py_XDECREF(idents);
    Py_XDECREF(text);
    Py_DECREF(seq);
    return NULL;
}

/* Whether every character of ``s`` is one of ``marks`` (``s`` not empty). */
static int
all_in(PyObject *s, PyObject *marks)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t nm = PyUnicode_GET_LENGTH(marks);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t at = PyUnicode_FindChar(marks, PyUnicode_READ(kind, data, i), 0, nm, 1);
        if (at < 0)
            return at == -1 ? 0 : -1;
    }
    return n > 0;
}

/* strings[key], else store[key] kept in strings: a new reference */
static PyObject *
string_of(PyObject *strings, PyObject *store, PyObject *key)
{
    PyObject *s = PyDict_GetItemWithError(strings, key);
    if (s != NULL) {
        Py_INCREF(s);
        return s;
    }
    if (PyErr_Occurred())
        return NULL;
    s = PyObject_GetItem(store, key);
    if (s == NULL)
        return NULL;
    if (!PyUnicode_Check(s)) {
        Py_DECREF(s);
        PyErr_SetString(PyExc_TypeError, "prepare(): the string store gave no str");
        return NULL;
    }
    if (PyDict_SetItem(strings, key, s) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return s;
}

/* prepare(pairs, strings, store, fix, fixed, end_chars, closers) -> (norms, sentence_ids, changed)
 *
 * Mirrors the loop of RuleMatcher._prepare: ``pairs`` is [(lower id, norm id), ...] per token; a string is read
 * from ``strings`` (a cache, filled from ``store``); a token whose lower form differs from its norm, or whose lower
 * id is in ``fix``, gets ``fixed(lower, norm, prev)``; sentences end as ``_pipeline.ends_sentence`` says, with
 * ``end_chars`` and ``closers`` as strings. ``changed`` lists (index, new norm) for the caller to write.
 */
static PyObject *
speedups_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError, "prepare() takes 7 arguments");
        return NULL;
    }
    PyObject *pairs = args[0], *strings = args[1], *store = args[2], *fix = args[3], *fixed = args[4];
    PyObject *end_chars = args[5], *closers = args[6];
    if (!PyList_Check(pairs) || !PyDict_CheckExact(strings) || !PyUnicode_Check(end_chars)
        || !PyUnicode_Check(closers)) {
        PyErr_SetString(PyExc_TypeError, "prepare(): bad argument types");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(pairs);
    PyObject *norms = PyList_New(n), *sids = PyList_New(n), *changed = PyList_New(0);
    PyObject *prev = PyUnicode_FromStringAndSize("", 0), *norm = NULL, *lower = NULL;
    if (norms == NULL || sids == NULL || changed == NULL || prev == NULL)
        goto error;
    long sid = 0;
    int ended = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pair = PyList_GET_ITEM(pairs, i);
        PyObject *seq = PySequence_Fast(pair, "prepare(): a pair must be a sequence");
        if (seq == NULL)
            goto error;
        if (PySequence_Fast_GET_SIZE(seq) != 2) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "prepare(): a pair must be (lower, norm)");
            goto error;
        }
        PyObject *lower_id = PySequence_Fast_GET_ITEM(seq, 0), *norm_id = PySequence_Fast_GET_ITEM(seq, 1);
        norm = string_of(strings, store, norm_id);
        if (norm == NULL) {
            Py_DECREF(seq);
            goto error;
        }
        int differ = PyObject_RichCompareBool(lower_id, norm_id, Py_NE);
        if (differ == 0)
            differ = PySequence_Contains(fix, lower_id);
        if (differ < 0) {
            Py_DECREF(seq);
            goto error;
        }
        if (differ) {
            lower = string_of(strings, store, lower_id);
            if (lower == NULL) {
                Py_DECREF(seq);
                goto error;
            }
            PyObject *new = PyObject_CallFunctionObjArgs(fixed, lower, norm, prev, NULL);
            Py_CLEAR(lower);
            if (new == NULL) {
                Py_DECREF(seq);
                goto error;
            }
            int other = PyObject_RichCompareBool(new, norm, Py_NE);
            if (other < 0) {
                Py_DECREF(new);
                Py_DECREF(seq);
                goto error;
            }
            if (other) {
                PyObject *item = Py_BuildValue("(nO)", i, new);
                if (item == NULL || PyList_Append(changed, item) < 0) {
                    Py_XDECREF(item);
                    Py_DECREF(new);
                    Py_DECREF(seq);
                    goto error;
                }
                Py_DECREF(item);
                Py_SETREF(norm, new);
            }
            else {
                Py_DECREF(new);
            }
        }
        Py_DECREF(seq);
        if (!PyUnicode_Check(norm)) {
            PyErr_SetString(PyExc_TypeError, "prepare(): a norm must be a str");
            goto error;
        }
        int ends = all_in(norm, end_chars);
        if (ends == 0 && ended)
            ends = all_in(norm, closers);
        if (ends < 0)
            goto error;
        if (i && ended && !ends)
            sid += 1;
        ended = ends;
        PyObject *sid_obj = PyLong_FromLong(sid);
        if (sid_obj == NULL)
            goto error;
        PyList_SET_ITEM(sids, i, sid_obj);
        Py_INCREF(norm);
        PyList_SET_ITEM(norms, i, norm);
        Py_SETREF(prev, norm); /* the list's reference stays; prev holds its own */
        norm = NULL;
    }
    Py_DECREF(prev);
    return Py_BuildValue("(NNN)", norms, sids, changed);

error:
    Py_XDECREF(norm);
    Py_XDECREF(lower);
    Py_XDECREF(prev);
    Py_XDECREF(norms);
    Py_XDECREF(sids);
    Py_XDECREF(changed);
    return NULL;
}

/* present(norms, entries) -> {term: first token}
 *
 * Mirrors LearnedTerms._present: ``entries`` maps a norm to (whether it is a term alone, the words that can follow
 * it in a pair or None); a pair is found as "first second" at the token where it starts.
 */
static PyObject *
speedups_present(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyDict_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "present(norms, entries: dict)");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[0], "present(): norms must be a sequence");
    if (seq == NULL)
        return NULL;
    PyObject *entries = args[1], *found = PyDict_New(), *follow = NULL, *index = NULL;
    if (found == NULL)
        goto error;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *norm = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *entry = PyDict_GetItemWithError(entries, norm); /* borrowed */
        if (entry == NULL && PyErr_Occurred())
            goto error;
        if (entry != NULL && (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 2)) {
            PyErr_SetString(PyExc_TypeError, "present(): an entry must be (alone, followers)");
            goto error;
        }
        if (entry != NULL) {
            int alone = PyObject_IsTrue(PyTuple_GET_ITEM(entry, 0));
            if (alone < 0)
                goto error;
            if (alone) {
                if ((index = PyLong_FromSsize_t(i)) == NULL || PyDict_SetDefault(found, norm, index) == NULL)
                    goto error;
                Py_CLEAR(index);
            }
        }
        if (follow != NULL && follow != Py_None) {
            int follows = PySequence_Contains(follow, norm);
            if (follows < 0)
                goto error;
            if (follows) {
                PyObject *pair = PyUnicode_FromFormat("%S %S", PySequence_Fast_GET_ITEM(seq, i - 1), norm);
                if (pair == NULL)
                    goto error;
                index = PyLong_FromSsize_t(i - 1);
                if (index == NULL || PyDict_SetDefault(found, pair, index) == NULL) {
                    Py_DECREF(pair);
                    goto error;
                }
                Py_DECREF(pair);
                Py_CLEAR(index);
            }
        }
        Py_XSETREF(follow, entry != NULL ? Py_NewRef(PyTuple_GET_ITEM(entry, 1)) : NULL);
    }
    Py_XDECREF(follow);
    Py_DECREF(seq);
    return found;

error:
    Py_XDECREF(index);
    Py_XDECREF(follow);
    Py_XDECREF(found);
    Py_DECREF(seq);
    return NULL;
}

/* The words of ``words`` (a tuple of str) from ``i`` to ``i + n``, joined by single spaces, made at its final size in
 * one go (``" ".join(words[i:i + n])``). Every item must be a str (checked by the caller). */
static PyObject *
join_run(PyObject *words, Py_ssize_t i, Py_ssize_t n)
{
    Py_ssize_t size = n - 1; /* the spaces */
    Py_UCS4 maxchar = 127;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *w = PyTuple_GET_ITEM(words, i + k);
        size += PyUnicode_GET_LENGTH(w);
        Py_UCS4 top = PyUnicode_MAX_CHAR_VALUE(w);
        if (top > maxchar)
            maxchar = top;
    }
    PyObject *run = PyUnicode_New(size, maxchar);
    if (run == NULL)
        return NULL;
    Py_ssize_t at = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *w = PyTuple_GET_ITEM(words, i + k);
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        if (k > 0)
            PyUnicode_WRITE(PyUnicode_KIND(run), PyUnicode_DATA(run), at++, ' ');
        if (maxchar < 128) { /* every word is ASCII: copy its bytes */
            memcpy(PyUnicode_1BYTE_DATA(run) + at, PyUnicode_1BYTE_DATA(w), (size_t)len);
        }
        else if (PyUnicode_CopyCharacters(run, at, w, 0, len) < 0) {
            Py_DECREF(run);
            return NULL;
        }
        at += len;
    }
    return run;
}

/* 0 when ``words`` is a tuple of str, else -1 with a TypeError (as " ".join raises for an item that is no str). */
static int
check_words(PyObject *words, const char *usage)
{
    if (!PyTuple_CheckExact(words)) {
        PyErr_SetString(PyExc_TypeError, usage);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(words); i++) {
        PyObject *w = PyTuple_GET_ITEM(words, i);
        if (!PyUnicode_Check(w)) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                         Py_TYPE(w)->tp_name);
            return -1;
        }
    }
    return 0;
}

/* runs(words: tuple[str, ...], n) -> [" ".join(words[i:i + n]) for each i]: the runs of n words that word_grams
 * joins (``list(map(" ".join, zip(*[words[j:] for j in range(n)])))``), each made at its final size in one go. */
static PyObject *
speedups_runs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "runs(words: tuple, n: int)");
        return NULL;
    }
    PyObject *words = args[0];
    if (check_words(words, "runs(words: tuple, n: int)") < 0)
        return NULL;
    Py_ssize_t n = PyLong_AsSsize_t(args[1]);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "runs(): n must be at least 1");
        return NULL;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(words);
    Py_ssize_t total = count >= n ? count - n + 1 : 0;
    PyObject *out = PyList_New(total);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < total; i++) {
        PyObject *run = join_run(words, i, n);
        if (run == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, run);
    }
    return out;
}

/* phrases(words, by_first) -> frozenset | None: PhraseSet.found's loop. ``by_first`` maps a word to the phrases
 * starting with it, as [(parts, phrase), ...] (``parts`` the phrase's words, a tuple); each phrase whose parts are
 * a run of ``words`` (a list or tuple of str) is kept, in the order found, and the frozenset of them returned. None
 * when a word holds a space: such words could join into a phrase another way, and the caller reads them joined. */
static PyObject *
speedups_phrases(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyDict_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "phrases(words, by_first: dict)");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[0], "phrases(): words must be a sequence");
    if (seq == NULL)
        return NULL;
    PyObject *by_first = args[1], *found = NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **words = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(words[i])) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                         Py_TYPE(words[i])->tp_name);
            goto error;
        }
        Py_ssize_t at;
        if (PyUnicode_KIND(words[i]) == PyUnicode_1BYTE_KIND) /* most words: a memchr, no call into str */
            at = memchr(PyUnicode_1BYTE_DATA(words[i]), ' ', (size_t)PyUnicode_GET_LENGTH(words[i])) ? 0 : -1;
        else
            at = PyUnicode_FindChar(words[i], ' ', 0, PyUnicode_GET_LENGTH(words[i]), 1);
        if (at == -2)
            goto error;
        if (at >= 0) {
            Py_DECREF(seq);
            Py_RETURN_NONE;
        }
    }
    found = PyList_New(0);
    if (found == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *candidates = PyDict_GetItemWithError(by_first, words[i]); /* borrowed */
        if (candidates == NULL) {
            if (PyErr_Occurred())
                goto error;
            continue;
        }
        if (!PyList_CheckExact(candidates)) {
            PyErr_SetString(PyExc_TypeError, "phrases(): by_first maps a word to a list");
            goto error;
        }
        for (Py_ssize_t c = 0; c < PyList_GET_SIZE(candidates); c++) {
            PyObject *entry = PyList_GET_ITEM(candidates, c);
            if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 2 || !PyTuple_Check(PyTuple_GET_ITEM(entry, 0))) {
                PyErr_SetString(PyExc_TypeError, "phrases(): a candidate is (parts: tuple, phrase)");
                goto error;
            }
            PyObject *parts = PyTuple_GET_ITEM(entry, 0);
            Py_ssize_t size = PyTuple_GET_SIZE(parts);
            int equal = i + size <= n; /* tuple(words[i:i + size]) == parts */
            for (Py_ssize_t k = 0; equal && k < size; k++) {
                equal = PyObject_RichCompareBool(words[i + k], PyTuple_GET_ITEM(parts, k), Py_EQ);
                if (equal < 0)
                    goto error;
            }
            if (equal && PyList_Append(found, PyTuple_GET_ITEM(entry, 1)) < 0)
                goto error;
        }
    }
    PyObject *out = PyFrozenSet_New(found);
    Py_DECREF(found);
    Py_DECREF(seq);
    return out;

error:
    Py_XDECREF(found);
    Py_DECREF(seq);
    return NULL;
}

/* group(found, hit_type) -> {table: [hit, ...]}
 *
 * Mirrors the grouping loop of RuleMatcher.__call__: ``found`` is a list of (start, end, key) sorted by start, then
 * end; ``key`` a _Key tuple (table, row, piece, gaps, ident, single). The first of each (ident, start) is kept, as
 * ``hit_type`` (the Hit tuple type) of (table, row, start, end), in a list per table; tables in order of first hit.
 */
static PyObject *
speedups_group(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "group() takes 2 arguments");
        return NULL;
    }
    PyObject *found = args[0];
    PyTypeObject *hit_type = (PyTypeObject *)args[1];
    if (!PyList_CheckExact(found) || !PyType_Check(args[1]) || !PyType_IsSubtype(hit_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "group(): found must be a list and hit_type a tuple type");
        return NULL;
    }
    PyObject *by_table = PyDict_New(), *seen = PySet_New(NULL), *pair = NULL, *hit = NULL;
    if (by_table == NULL || seen == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(found); i++) {
        PyObject *entry = PyList_GET_ITEM(found, i);
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3) {
            PyErr_SetString(PyExc_TypeError, "group(): found holds (start, end, key) tuples");
            goto error;
        }
        PyObject *start = PyTuple_GET_ITEM(entry, 0), *end = PyTuple_GET_ITEM(entry, 1);
        PyObject *key = PyTuple_GET_ITEM(entry, 2);
        if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 6) {
            PyErr_SetString(PyExc_TypeError, "group(): a key is (table, row, piece, gaps, ident, single)");
            goto error;
        }
        pair = PyTuple_Pack(2, PyTuple_GET_ITEM(key, 4), start);
        if (pair == NULL)
            goto error;
        int known = PySet_Contains(seen, pair);
        if (known < 0)
            goto error;
        if (known) {
            Py_CLEAR(pair);
            continue;
        }
        if (PySet_Add(seen, pair) < 0)
            goto error;
        Py_CLEAR(pair);
        PyObject *table = PyTuple_GET_ITEM(key, 0);
        PyObject *hits = PyDict_GetItemWithError(by_table, table); /* borrowed */
        if (hits == NULL) {
            if (PyErr_Occurred())
                goto error;
            hits = PyList_New(0);
            if (hits == NULL)
                goto error;
            if (PyDict_SetItem(by_table, table, hits) < 0) {
                Py_DECREF(hits);
                goto error;
            }
            Py_DECREF(hits); /* the dict holds it */
        }
        hit = hit_type->tp_alloc(hit_type, 4); /* as tuple.__new__(hit_type, items) makes a tuple subtype */
        if (hit == NULL)
            goto error;
        PyObject *items[4] = {table, PyTuple_GET_ITEM(key, 1), start, end};
        for (int k = 0; k < 4; k++) {
            Py_INCREF(items[k]);
            PyTuple_SET_ITEM(hit, k, items[k]);
        }
        if (PyList_Append(hits, hit) < 0)
            goto error;
        Py_CLEAR(hit);
    }
    Py_DECREF(seen);
    return by_table;

error:
    Py_XDECREF(pair);
    Py_XDECREF(hit);
    Py_XDECREF(seen);
    Py_XDECREF(by_table);
    return NULL;
}

static PyMethodDef speedups_methods[] = {
    {"find", (PyCFunction)(void (*)(void))speedups_find, METH_FASTCALL,
     "find(norms, heads, windows, window, unknown[, sieve]) -> (found, firsts, later): RuleMatcher._find's loop."},
    {"sieve", (PyCFunction)(void (*)(void))speedups_sieve, METH_FASTCALL,
     "sieve(literals, k) -> bytes of 2**k bits marking every literal and prefix of one: find's sieve."},
    {"group", (PyCFunction)(void (*)(void))speedups_group, METH_FASTCALL,
     "group(found, hit_type) -> {table: [hit, ...]}: RuleMatcher.__call__'s grouping of hits."},
    {"prepare", (PyCFunction)(void (*)(void))speedups_prepare, METH_FASTCALL,
     "prepare(pairs, strings, store, fix, fixed, end_chars, closers) -> (norms, sentence_ids, changed): "
     "RuleMatcher._prepare's loop."},
    {"present", (PyCFunction)(void (*)(void))speedups_present, METH_FASTCALL,
     "present(norms, entries) -> {term: first token}: LearnedTerms._present."},
    {"runs", (PyCFunction)(void (*)(void))speedups_runs, METH_FASTCALL,
     "runs(words, n) -> [' '.join(words[i:i + n]) for each i]: the runs word_grams joins."},
    {"phrases", (PyCFunction)(void (*)(void))speedups_phrases, METH_FASTCALL,
     "phrases(words, by_first) -> the phrases that are runs of words, or None if a word holds a space: "
     "PhraseSet.found."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT, "listenwell._speedups",
    "The matcher's per-token loops in C (optional: _matching.py has the same loops in Python).", -1,
    speedups_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "ABI", SPEEDUPS_ABI) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
