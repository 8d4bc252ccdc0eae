// Declares to Emscripten's linker the one function the modules import from
// their wrapper besides its own: smtpcheck_read_number(pointer, length), the
// JavaScript engine's Number() of that many bytes of ASCII (number_reading.cpp
// says why). The modules are standalone: this body is never used;
// wasm/smtpcheck.mjs gives the import.
mergeInto(LibraryManager.library, {
  smtpcheck_read_number: function (pointer, length) {
    throw new Error('smtpcheck_read_number is given by smtpcheck.mjs');
  },
});
