// What re-encoding an uploaded photograph costs: ms per photo and the process's peak memory, for bench/photos.sh.
//   dotnet run -c Release bench/photos.cs -- make DIR 30    writes 30 twelve-megapixel JPEGs (4000 × 3000, as phones take)
//   dotnet run -c Release bench/photos.cs -- process DIR    runs Photographs.Process on each, one after the other
// Two processes, so that the peak memory measured is the processing's alone, not that of making the test photos.
#:project ../src/Portal/Portal.csproj
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using NetVips;
using Portal.Features.Files;

var mode = args.Length > 1 ? args[0] : throw new ArgumentException("Give make DIR COUNT or process DIR.");
var folder = args[1];
if (mode == "make")
{
    Make(folder, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);
}
else
{
    Measure(folder);
}

// Photo-like content: soft shapes (Perlin noise) over a gradient, with sensor noise, saved at quality 92 with the
// metadata a phone writes; every third photo is stored sideways with EXIF orientation 6. Each photo has its own noise.
static void Make(string folder, int count)
{
    Directory.CreateDirectory(folder);
    using var xy = Image.Xyz(4000, 3000);
    using var shapes = Image.Perlin(4000, 3000, cellSize: 256, seed: 11) * 70;
    using var detail = Image.Perlin(4000, 3000, cellSize: 24, seed: 12) * 25;
    using var red = xy[0] * 0.03 + shapes + detail + 90;
    using var green = xy[1] * 0.04 + shapes * 0.8 + 80;
    using var blue = shapes * -0.5 + detail + 120;
    using var scene = red.Bandjoin(green, blue).CopyMemory();
    for (var i = 0; i < count; i++)
    {
        using var noise = Image.Gaussnoise(4000, 3000, sigma: 5, mean: 0, seed: 1000 + i);
        using var photo = (scene + noise).Cast(Enums.BandFormat.Uchar);
        using var tagged = photo.Mutate(image =>
        {
            image.Set(GValue.GIntType, "orientation", i % 3 == 2 ? 6 : 1);
            image.Set(GValue.GStrType, "exif-ifd0-Make", "BenchCam");
            image.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            image.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "46/1 12/1 30/1");
        });
        tagged.Jpegsave(Path.Combine(folder, $"photo-{i:D2}.jpg"), q: 92);
    }
}

static void Measure(string folder)
{
    var files = Directory.GetFiles(folder, "*.jpg").Order(StringComparer.Ordinal).ToArray();
    var sizes = files.Select(file => new FileInfo(file).Length).ToArray();
    Console.WriteLine(Invariant($"{files.Length} photos, {sizes.Average() / 1e6:F1} MB on average; memory before the first: {Status("VmRSS")} MB"));
    var times = new List<double>();
    long printBytes = 0, webBytes = 0;
    foreach (var file in files)
    {
        var upload = File.ReadAllBytes(file);
        var watch = Stopwatch.StartNew();
        var result = Photographs.Process(upload, Path.GetFileName(file));
        times.Add(watch.Elapsed.TotalMilliseconds);
        if (times.Count == 1)
        {
            Console.WriteLine(Invariant($"peak memory after the first photo: {Status("VmHWM")} MB"));
        }
        var photo = result.Photo ?? throw new InvalidOperationException(result.Error);
        printBytes += photo.Print.Jpeg.Length;
        webBytes += photo.Web.Jpeg.Length;
    }

    var warm = times.Skip(1).Order().ToArray();
    Console.WriteLine(Invariant($"first photo (cold): {times[0]:F0} ms"));
    Console.WriteLine(Invariant($"the {warm.Length} others: median {warm[warm.Length / 2]:F0} ms, fastest {warm[0]:F0} ms, slowest {warm[^1]:F0} ms, mean {warm.Average():F0} ms per photo"));
    Console.WriteLine(Invariant($"output: print {printBytes / files.Length / 1e3:F0} KB, web {webBytes / files.Length / 1e3:F0} KB on average"));
    Console.WriteLine(Invariant($"peak memory of the process (VmHWM): {Status("VmHWM")} MB; managed heap now {GC.GetTotalMemory(false) / 1e6:F0} MB"));
}

// Resident memory as Linux reports it for this process, in MB.
static long Status(string key) => long.Parse(
    File.ReadLines("/proc/self/status").First(line => line.StartsWith(key + ":", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
