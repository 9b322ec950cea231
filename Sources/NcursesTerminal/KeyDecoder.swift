import CNcurses
import TerminalUI

/// Turns what `wget_wch` returns into a `Key`. Pure, so the mapping rules can be
/// read in one place; escape-sequence parsing itself is left to ncurses (keypad),
/// which knows each terminal's sequences from terminfo.
enum KeyDecoder {
    /// A function-key code (`wget_wch` returned `KEY_CODE_YES`).
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // The keypad's corner keys stand in for Home/End/PgUp/PgDn on terminals
        // (vt100, some linux consoles) whose editing keys only exist there.
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        default:
            let number = Int(code) - Int(tb_key_f0())
            // F13 and up are shifted function keys on xterm; the console binds none.
            if (1...12).contains(number) { return .function(number) }
            return nil
        }
    }

    /// A character (`wget_wch` returned `OK`). ESC (27) is handled by the caller,
    /// which has to look ahead to tell a lone Esc from an Alt-combination.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        // Backspace sends DEL on most terminals and BS (Ctrl-H) on vt100-like ones;
        // whichever terminfo names arrives as KEY_BACKSPACE, the other raw.
        case 8, 127: return .backspace
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32, 128..<160:
            // Ctrl-@, Ctrl-\ ... and C1 controls: nothing the console binds.
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
