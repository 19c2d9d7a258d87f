package jp.shikaku.android

import androidx.work.Configuration
import androidx.work.testing.SynchronousExecutor
import androidx.work.testing.WorkManagerTestInitHelper
import jp.shikaku.android.platform.ShikakuApplication
import jp.shikaku.android.platform.Unlocker
import jp.shikaku.core.ImportReport
import jp.shikaku.core.Locale
import jp.shikaku.core.MapSecretStore
import jp.shikaku.core.SecretStore
import jp.shikaku.core.ShikakuCompanion
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import org.robolectric.TestLifecycleApplication
import java.lang.reflect.Method
import java.nio.file.Files

/** The Companion as the app holds it, recording the calls the tests look for. */
class RecordingCompanion(
    private val inner: ShikakuCompanionInterface,
) : ShikakuCompanionInterface by inner {
    val imported = mutableListOf<String>()
    val acknowledged = mutableListOf<String>()

    override fun importDocument(
        memberId: String,
        pdf: ByteArray,
    ): ImportReport = inner.importDocument(memberId, pdf).also { imported += memberId }

    override fun acknowledge(reminderId: String) {
        acknowledged += reminderId
        inner.acknowledge(reminderId)
    }
}

/** A secret store whose device vault is broken: every call fails as the Keystore's would. */
class BrokenSecretStore : SecretStore {
    override fun getSecret(name: String): ByteArray? = throw ShikakuException.SecretStore("test: vault unavailable")

    override fun setSecret(
        name: String,
        secret: ByteArray,
    ) = throw ShikakuException.SecretStore("test: vault unavailable")

    override fun deleteSecret(name: String) = throw ShikakuException.SecretStore("test: vault unavailable")
}

/**
 * The app with its seams set for the JVM: the store in a fresh temporary folder behind a
 * [MapSecretStore] (or the one a test puts in [store]; null keeps the app's own, the
 * Android Keystore one), the core's calls run at once on the calling thread, the unlock
 * prompt recorded instead of shown, and WorkManager's test initializer.
 *
 * Each test ends with the app settled and its store folder deleted ([afterTest]). Compose's main-thread dispatcher is
 * one per JVM and outlives the test, but Robolectric drops the main looper's messages
 * between tests: a dispatch it had posted and not yet run would be lost, and the
 * dispatcher, believing it still scheduled, would never run a recomposition again, so
 * that in every later test a tap changes nothing on screen.
 */
class TestShikakuApplication :
    ShikakuApplication(),
    TestLifecycleApplication {
    var store: SecretStore? = MapSecretStore()
    val unlockPrompts = mutableListOf<() -> Unit>()
    private val storeDir by lazy { Files.createTempDirectory("shikaku-android").toFile() }

    override val background: CoroutineDispatcher get() = Dispatchers.Unconfined

    override val unlocker = Unlocker { _, _, onUnlocked -> unlockPrompts += onUnlocked }

    override fun secretStore(): SecretStore = store ?: super.secretStore()

    override fun openCompanion(): ShikakuCompanionInterface =
        RecordingCompanion(ShikakuCompanion.open(storeDir.path, secretStore(), Locale.JA))

    /** The open Companion, for a test to prepare the household and read it back. */
    fun core(): RecordingCompanion = runBlocking { companion() } as RecordingCompanion

    override fun beforeTest(method: Method) = Unit

    override fun prepareTest(test: Any) = Unit

    override fun afterTest(method: Method) {
        settle()
        storeDir.deleteRecursively()
    }

    override fun onCreate() {
        ComposeRoots.track()
        chosenLocale = Locale.JA
        WorkManagerTestInitHelper.initializeTestWorkManager(this, Configuration.Builder().setExecutor(SynchronousExecutor()).build())
        super.onCreate()
    }
}
