using System.Buffers.Binary;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// A lut16Type ('mft2', ICC.1:2010 §10.9) or lut8Type ('mft1', §10.8) tag with three inputs, as the
/// BToA tags of ICC v2 output profiles are: a 3 × 3 matrix (used only when the input is PCSXYZ),
/// one input curve per channel, a colour lookup table of g³ grid points, one output curve per
/// channel. Values are normalised to [0, 1] throughout; the caller encodes the PCS (§6.3.4.2,
/// Tables 11, 12 and 41) and reads the outputs as device values.
/// </summary>
internal sealed class IccLut
{
    /// <summary>Bits per table entry: 16 for lut16Type, 8 for lut8Type.</summary>
    public int Precision { get; }
    public int Outputs { get; }
    private readonly double[] _matrix;
    private readonly double[][] _inputCurves;
    private readonly double[][] _outputCurves;
    private readonly int _grid;
    private readonly double[] _clut;

    private IccLut(int precision, int outputs, double[] matrix, double[][] inputCurves, int grid, double[] clut, double[][] outputCurves)
    {
        (Precision, Outputs, _matrix, _inputCurves, _grid, _clut, _outputCurves) = (precision, outputs, matrix, inputCurves, grid, clut, outputCurves);
    }

    /// <summary>Reads the tag; any other tag type (lutBToAType 'mBA ' of ICC v4 profiles, §10.11) is refused by name.</summary>
    public static IccLut Read(IccProfile profile, string tag)
    {
        var data = profile.Data(tag);
        var type = profile.TypeOf(tag);
        var precision = type switch
        {
            "mft2" => 16,
            "mft1" => 8,
            _ => throw new PdfWriterException(
                $"{IccProfile.Capitalised(profile.Name)} stores its '{tag}' table as '{type}'{(type == "mBA " ? " (lutBToAType, ICC v4)" : "")}; " +
                "NewsletterPress converts RGB images to CMYK only with lut16Type ('mft2') or lut8Type ('mft1') tables, as ICC v2 profiles have them. " +
                "Use a v2 profile of the printing condition, or convert the images to CMYK before the build."),
        };
        if (data.Length < 52)
            throw IccProfile.Damaged(profile.Name, $"its '{tag}' table is cut short");
        int inputs = data[8], outputs = data[9], grid = data[10];
        if (inputs != 3 || outputs is < 1 or > 15 || grid < 2)
            throw new PdfWriterException($"{IccProfile.Capitalised(profile.Name)} has a '{tag}' table of {inputs} inputs, {outputs} outputs and {grid} grid points; " +
                "a table from the PCS needs 3 inputs and at least 2 grid points.");

        // §10.8/§10.9: e00…e22 as s15Fixed16Number, row by row.
        var matrix = new double[9];
        for (var i = 0; i < 9; i++)
            matrix[i] = BinaryPrimitives.ReadInt32BigEndian(data[(12 + (4 * i))..]) / 65536.0;

        var bytes = precision / 8;
        int inputEntries = 256, outputEntries = 256, at = 48;
        if (precision == 16)
        {
            inputEntries = BinaryPrimitives.ReadUInt16BigEndian(data[48..]);
            outputEntries = BinaryPrimitives.ReadUInt16BigEndian(data[50..]);
            at = 52;
        }
        var clutPoints = grid * grid * grid * outputs;
        var needed = at + (bytes * ((inputs * inputEntries) + clutPoints + (outputs * outputEntries)));
        if (inputEntries < 2 || outputEntries < 2 || data.Length < needed)
            throw IccProfile.Damaged(profile.Name, $"its '{tag}' table is cut short");

        static double[] Samples(ReadOnlySpan<byte> data, int precision, int count, ref int offset)
        {
            var bytes = precision / 8;
            var values = new double[count];
            for (var i = 0; i < count; i++, offset += bytes)
                values[i] = precision == 16 ? BinaryPrimitives.ReadUInt16BigEndian(data[offset..]) / 65535.0 : data[offset] / 255.0;
            return values;
        }
        var inputCurves = new double[inputs][];
        for (var c = 0; c < inputs; c++)
            inputCurves[c] = Samples(data, precision, inputEntries, ref at);
        var clut = Samples(data, precision, clutPoints, ref at);
        var outputCurves = new double[outputs][];
        for (var c = 0; c < outputs; c++)
            outputCurves[c] = Samples(data, precision, outputEntries, ref at);
        return new IccLut(precision, outputs, matrix, inputCurves, grid, clut, outputCurves);
    }

    /// <summary>Maps one normalised PCS value through the table. <paramref name="pcsIsXyz"/>: apply the
    /// matrix first, which §10.9 allows only for PCSXYZ input (for PCSLab it must be the identity), and
    /// interpolate tetrahedrally; from PCSLab, trilinearly (see <see cref="Trilinear"/>).</summary>
    public void Evaluate(double a, double b, double c, bool pcsIsXyz, Span<double> output)
    {
        if (pcsIsXyz)
        {
            var m = _matrix;
            (a, b, c) = ((m[0] * a) + (m[1] * b) + (m[2] * c), (m[3] * a) + (m[4] * b) + (m[5] * c), (m[6] * a) + (m[7] * b) + (m[8] * c));
        }
        a = Interpolate(_inputCurves[0], a);
        b = Interpolate(_inputCurves[1], b);
        c = Interpolate(_inputCurves[2], c);
        if (pcsIsXyz)
            Tetrahedral(a, b, c, output);
        else
            Trilinear(a, b, c, output);
        for (var k = 0; k < Outputs; k++)
            output[k] = Interpolate(_outputCurves[k], output[k]);
    }

    /// <summary>The grid cell holding (a, b, c): the table index of its first corner, the fractions along each axis, and
    /// the index strides of the first two axes (the third's is the number of outputs).</summary>
    private (int P000, double Rx, double Ry, double Rz, int Sx, int Sy) Locate(double a, double b, double c)
    {
        var last = _grid - 1;
        var (x0, rx) = Cell(a * last, last);
        var (y0, ry) = Cell(b * last, last);
        var (z0, rz) = Cell(c * last, last);
        int sx = _grid * _grid * Outputs, sy = _grid * Outputs;
        return ((x0 * sx) + (y0 * sy) + (z0 * Outputs), rx, ry, rz, sx, sy);
    }

    /// <summary>
    /// The colour lookup table at (a, b, c), by trilinear interpolation: the eight corners of the grid cell
    /// weighted by the products of the fractions along each axis. ICC.1:2010 §10.8/§10.9 leave the
    /// method to the CMM; Little CMS (so Ghostscript) reads every table from PCSLab trilinearly, because
    /// the diagonal along which tetrahedral interpolation cuts a cell means nothing in L*a*b*, and we do
    /// the same so that our pixels agree with theirs (measured: to a tenth of a unit; tetrahedral was up
    /// to 19/255 apart on FOGRA39's 9-point table). The first input varies slowest in the table (§10.9).
    /// </summary>
    private void Trilinear(double a, double b, double c, Span<double> output)
    {
        var (p000, rx, ry, rz, sx, sy) = Locate(a, b, c);
        var o = Outputs;
        for (var k = 0; k < o; k++)
        {
            double C(int p) => _clut[p + k];
            double Line(int p) => C(p) + (rz * (C(p + o) - C(p)));                   // along c
            double Plane(int p) => Line(p) + (ry * (Line(p + sy) - Line(p)));        // then b
            output[k] = Plane(p000) + (rx * (Plane(p000 + sx) - Plane(p000)));        // then a
        }
    }

    /// <summary>
    /// The colour lookup table at (a, b, c), by tetrahedral interpolation: the grid cell is cut into six
    /// tetrahedra along its main diagonal and the point is weighted by the four corners of its own one
    /// (Kasson, Nin, Plouffe and Hafner, "Performing color space conversions with three-dimensional linear
    /// interpolation", J. Electronic Imaging 4(3), 1995). Little CMS uses it for three inputs other than
    /// PCSLab, and so do we, for tables from PCSXYZ.
    /// </summary>
    private void Tetrahedral(double a, double b, double c, Span<double> output)
    {
        var (p000, rx, ry, rz, sx, sy) = Locate(a, b, c);
        var o = Outputs;
        var sz = o;
        int p100 = p000 + sx, p010 = p000 + sy, p001 = p000 + sz;
        int p110 = p100 + sy, p101 = p100 + sz, p011 = p010 + sz, p111 = p110 + sz;
        for (var k = 0; k < o; k++)
        {
            double C(int p) => _clut[p + k];
            var c0 = C(p000);
            double c1, c2, c3;
            if (rx >= ry && ry >= rz) { c1 = C(p100) - c0; c2 = C(p110) - C(p100); c3 = C(p111) - C(p110); }
            else if (rx >= rz && rz >= ry) { c1 = C(p100) - c0; c2 = C(p111) - C(p101); c3 = C(p101) - C(p100); }
            else if (rz >= rx && rx >= ry) { c1 = C(p101) - C(p001); c2 = C(p111) - C(p101); c3 = C(p001) - c0; }
            else if (ry >= rx && rx >= rz) { c1 = C(p110) - C(p010); c2 = C(p010) - c0; c3 = C(p111) - C(p110); }
            else if (ry >= rz && rz >= rx) { c1 = C(p111) - C(p011); c2 = C(p010) - c0; c3 = C(p011) - C(p010); }
            else { c1 = C(p111) - C(p011); c2 = C(p011) - C(p001); c3 = C(p001) - c0; }
            output[k] = c0 + (c1 * rx) + (c2 * ry) + (c3 * rz);
        }
    }

    /// <summary>The grid cell below <paramref name="position"/> and the fraction into it; the last point
    /// belongs to the last cell, so the cell's far corner is always in the table.</summary>
    private static (int Index, double Fraction) Cell(double position, int last)
    {
        var index = Math.Min((int)position, last - 1);
        return (index, position - index);
    }

    /// <summary>A one-dimensional table of evenly spaced samples over [0, 1] read at <paramref name="x"/>
    /// (clamped) by linear interpolation (§10.5, §10.8).</summary>
    public static double Interpolate(double[] table, double x)
    {
        x = Math.Clamp(x, 0, 1) * (table.Length - 1);
        var i = Math.Min((int)x, table.Length - 2);
        var f = x - i;
        return table[i] + (f * (table[i + 1] - table[i]));
    }
}
