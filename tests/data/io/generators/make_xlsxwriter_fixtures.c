/* Writes the libxlsxwriter fixtures of tests/data/io (see make_fixtures.sh):
 *   writer.xlsx  shared strings, rich text runs, booleans, formulas with cached values, dates with built-in and
 *                custom formats, merged header cells, sparse cells, a carriage return (written as _x000D_),
 *                a cell in the last column (XFD)
 *   inline.xlsx  the same kind of rows in constant_memory mode, which writes inline strings (t="inlineStr")
 * Build: cc make_xlsxwriter_fixtures.c $(pkg-config --cflags --libs xlsxwriter) -o gen && ./gen OUTDIR */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

static void fill(lxw_workbook* wb, lxw_worksheet* ws, int withMerge)
{
    lxw_format* isoDate = workbook_add_format(wb);
    format_set_num_format(isoDate, "yyyy-mm-dd");
    lxw_format* builtinDate = workbook_add_format(wb);
    format_set_num_format_index(builtinDate, 14);
    lxw_format* dateTime = workbook_add_format(wb);
    format_set_num_format(dateTime, "[$-409]d \"de\" mmmm yyyy h:mm AM/PM;@");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "[Red]#,##0.00 \"d\";[Blue]-#,##0.00");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* italic = workbook_add_format(wb);
    format_set_italic(italic);

    int r = 0;
    if (withMerge) {
        worksheet_merge_range(ws, 0, 0, 0, 1, "Supplier", NULL);
        worksheet_merge_range(ws, 0, 2, 0, 4, "Figures", NULL);
        r = 1;
    }
    const char* header[] = {"Name", "Code", "Since", "Amount", "Active", "Note"};
    for (int c = 0; c < 6; ++c)
        worksheet_write_string(ws, r, c, header[c], NULL);
    ++r;

    lxw_datetime d1 = {2023, 7, 1, 0, 0, 0};
    lxw_datetime d2 = {2021, 12, 24, 18, 5, 30};
    worksheet_write_string(ws, r, 0, "Nhà máy Đồng Nai", NULL);
    worksheet_write_string(ws, r, 1, "000042", NULL);
    worksheet_write_datetime(ws, r, 2, &d1, isoDate);
    worksheet_write_number(ws, r, 3, 1234.5, money);
    worksheet_write_boolean(ws, r, 4, 1, NULL);
    lxw_rich_string_tuple f1 = {.format = bold, .string = "Bold "};
    lxw_rich_string_tuple f2 = {.format = NULL, .string = "and "};
    lxw_rich_string_tuple f3 = {.format = italic, .string = "italic"};
    lxw_rich_string_tuple* rich[] = {&f1, &f2, &f3, NULL};
    worksheet_write_rich_string(ws, r, 5, rich, NULL);
    ++r;

    worksheet_write_string(ws, r, 0, "深圳电子厂", NULL);
    worksheet_write_string(ws, r, 1, "0", NULL);
    worksheet_write_datetime(ws, r, 2, &d2, dateTime);
    worksheet_write_formula_num(ws, r, 3, "=D3*2", NULL, 2469);
    worksheet_write_boolean(ws, r, 4, 0, NULL);
    worksheet_write_string(ws, r, 5, "line one\r\nline two", NULL);
    ++r;

    /* Sparse: only A and F, and a formula whose cached value is text. */
    worksheet_write_string(ws, r, 0, "Sparse", NULL);
    worksheet_write_formula_str(ws, r, 5, "=\"x\"&\"y\"", NULL, "xy");
    ++r;

    worksheet_write_number(ws, r, 0, 45000, builtinDate);
    worksheet_write_number(ws, r, 1, 0.1 + 0.2, NULL);
    worksheet_write_number(ws, r, 2, 1e20, NULL);
    worksheet_write_number(ws, r, 3, -42, NULL);
    ++r;

    /* Far to the right: the last column of a sheet (XFD = 16384). */
    worksheet_write_string(ws, r + 2, 16383, "far", NULL);
}

int main(int argc, char** argv)
{
    const char* dir = argc > 1 ? argv[1] : ".";
    char path[4096];

    snprintf(path, sizeof path, "%s/writer.xlsx", dir);
    lxw_workbook* wb = workbook_new(path);
    lxw_worksheet* first = workbook_add_worksheet(wb, "Intro");
    worksheet_write_string(first, 0, 0, "See the sheet named Data", NULL);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Data");
    fill(wb, ws, 1);
    if (workbook_close(wb) != LXW_NO_ERROR)
        return 1;

    snprintf(path, sizeof path, "%s/inline.xlsx", dir);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    wb = workbook_new_opt(path, &options);
    ws = workbook_add_worksheet(wb, "Inline");
    fill(wb, ws, 0);
    if (workbook_close(wb) != LXW_NO_ERROR)
        return 1;
    return 0;
}
