// What one password check and one entry-code check cost on this machine: the price an attacker pays per guess
// offline, and the CPU the server spends per sign-in. Run: dotnet run bench/hash-cost.cs
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

var salt = RandomNumberGenerator.GetBytes(16);
Rfc2898DeriveBytes.Pbkdf2("warm up", salt, 1000, HashAlgorithmName.SHA512, 32);
(string Name, HashAlgorithmName Algorithm, int Iterations)[] cases =
[
    ("account password (Identity v3, PBKDF2-HMAC-SHA512)", HashAlgorithmName.SHA512, 210_000),
    ("entry code (PBKDF2-HMAC-SHA256)", HashAlgorithmName.SHA256, 100_000),
];
foreach (var (name, algorithm, iterations) in cases)
{
    const int Runs = 20;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < Runs; i++)
    {
        Rfc2898DeriveBytes.Pbkdf2("correct horse battery staple", salt, iterations, algorithm, 32);
    }

    var ms = watch.Elapsed.TotalMilliseconds / Runs;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, {iterations:N0} iterations: {ms:F1} ms per hash"));
}
